package io.catscores.api.edge;

import io.catscores.common.Redact;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.SignalType;

/**
 * What every request leaves behind: the {@code http.server.requests} timer (labelled by route
 * template, method, status and outcome), the in-flight gauge and one JSON access log line with
 * method, path, route, status, duration and trace ids (Kibana's "slow requests" and "5xx" searches
 * read them). The query string is left out of the line: it is user input and may be long.
 *
 * <p>Written here rather than by Spring's request observation with Brave tracing, which cost the
 * api a third of its throughput for the same metrics and ids (doc/benchmarks.md).
 */
@Component
class RequestTelemetry {

  private static final Logger log = LoggerFactory.getLogger("access");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  private record TimerKey(String route, String method, int status) {}

  private final MeterRegistry meters;
  private final boolean accessLog;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  RequestTelemetry(MeterRegistry meters, @Value("${api.access-log:true}") boolean accessLog) {
    this.meters = meters;
    this.accessLog = accessLog;
    Gauge.builder("http.server.requests.in.flight", inFlight, AtomicInteger::get)
        .description("Requests received and not yet answered")
        .register(meters);
  }

  RequestRecord start(ServerHttpRequest request) {
    if (!isStream(request)) {
      inFlight.incrementAndGet();
    }
    return RequestRecord.start(request);
  }

  /**
   * A live stream lasts as long as its client watches: it would swamp the in-flight gauge and (once
   * it streams) the latency histogram, so it has its own metrics (api_streams_open) and the access
   * log line; a refused stream request (400, 404) is timed as any answer.
   */
  private static boolean isStream(ServerHttpRequest request) {
    return StreamPaths.isStream(request.getPath().value());
  }

  void finish(
      RequestRecord record,
      ServerHttpRequest request,
      ServerHttpResponse response,
      SignalType signal) {
    if (!isStream(request)) {
      inFlight.decrementAndGet();
    }
    long nanos = System.nanoTime() - record.startNanos;
    HttpStatusCode code = response.getStatusCode();
    int status = code == null ? 200 : code.value();
    if (!response.isCommitted()) {
      if (signal == SignalType.CANCEL) {
        status = 499; // as nginx logs it: the client went away before it was answered
      } else if (signal == SignalType.ON_ERROR) {
        status = 500; // what Reactor Netty answers to an error nothing handled
      }
    }
    String method = request.getMethod().name();
    String route = record.route();
    if (route == null) {
      route = status == 404 ? "NOT_FOUND" : "UNKNOWN";
    }
    // Methods outside the standard ones would each make a new time series.
    String methodLabel = METHODS.contains(method) ? method : "UNKNOWN";
    if (!MediaType.TEXT_EVENT_STREAM.isCompatibleWith(response.getHeaders().getContentType())) {
      timers
          .computeIfAbsent(new TimerKey(route, methodLabel, status), this::timer)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
    if (accessLog) {
      double millis = (nanos / 1_000) / 1000.0;
      AccessLogLine line =
          new AccessLogLine(
              method,
              Redact.path(request.getPath().value()), // a player looking themselves up
              route,
              status,
              millis,
              record.traceId,
              record.spanId);
      log.info(line, line.message());
    }
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("http.server.requests")
        .description("Requests answered by the api")
        .tag("uri", key.route())
        .tag("method", key.method())
        .tag("status", Integer.toString(key.status()))
        .tag("outcome", Outcome.forStatus(key.status()).name())
        .register(meters);
  }
}
