package io.catscores.api.v1;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.logstash.logback.argument.StructuredArguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The old API's error drill: {@code GET /api/v1/breeds?err=<text>} answered 500 {"message": "error
 * request: <text>"} so operators could see their error dashboards and alerts move. Kept only behind
 * {@code API_FAULT_INJECTION=true} (off by default: then {@code err} is an unknown parameter, 400);
 * every injected fault is counted ({@code api_injected_faults_total}) and logged as injected, so a
 * drill is never mistaken for an incident (V1FaultInjectionIT).
 */
@Component
class FaultInjection {

  private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

  private final boolean enabled;
  private final Counter injected;

  FaultInjection(V1Properties properties, MeterRegistry meters) {
    this.enabled = properties.faultInjection();
    this.injected =
        Counter.builder("api.injected.faults")
            .description("500 answers injected on purpose by ?err= (API_FAULT_INJECTION)")
            .register(meters);
    if (enabled) {
      log.warn("API_FAULT_INJECTION is on: GET /api/v1/breeds?err=<text> answers 500 (a drill)");
    }
  }

  boolean enabled() {
    return enabled;
  }

  ResponseEntity<Object> inject(String text) {
    injected.increment();
    String message = "error request: " + (text == null ? "" : text);
    log.warn(
        "Injected fault answered 500 {}",
        StructuredArguments.keyValue("injected_fault", true),
        StructuredArguments.keyValue("fault_message_length", message.length()));
    return V1BreedsController.message(500, message);
  }
}
