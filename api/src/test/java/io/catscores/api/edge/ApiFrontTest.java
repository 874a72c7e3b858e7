package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.api.changes.Changes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Mono;

class ApiFrontTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private ApiFront front(HttpHandler webFlux) {
    return new ApiFront(
        webFlux,
        new RequestTelemetry(meters, false),
        new ResponseCache(
            new ApiCacheProperties(
                Duration.ZERO, Duration.ZERO, Duration.ZERO, 1 << 20, Duration.ofMillis(10)),
            new Changes(),
            meters),
        new Cors(new CorsProperties(List.of("*"))),
        new MissLimiter(
            new LimitProperties(0, 1, List.of(), 1, Duration.ZERO),
            TrustedProxies.of(List.of()),
            meters),
        TrustedProxies.of(List.of()));
  }

  private static MockServerHttpRequest get() {
    return MockServerHttpRequest.get("/api/v2/origins")
        .remoteAddress(new InetSocketAddress("192.0.2.1", 1))
        .build();
  }

  /** The single in-flight permit comes back even when WebFlux throws instead of failing a Mono. */
  @Test
  void aHandlerThatThrowsGivesItsPermitBack() {
    ApiFront front =
        front(
            (request, response) -> {
              throw new IllegalStateException("thrown, not signalled");
            });
    for (int i = 0; i < 3; i++) {
      MockServerHttpResponse response = new MockServerHttpResponse();
      assertThatThrownBy(() -> front.handle(get(), response).block())
          .isInstanceOf(IllegalStateException.class);
      assertThat(response.getStatusCode())
          .as("request %d is not refused as overloaded", i)
          .isNull();
    }
  }

  @Test
  void answeredRequestsGiveTheirPermitBack() {
    ApiFront front = front((request, response) -> Mono.empty());
    for (int i = 0; i < 3; i++) {
      MockServerHttpResponse response = new MockServerHttpResponse();
      front.handle(get(), response).block();
      assertThat(response.getStatusCode()).isNull();
    }
  }
}
