package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

/** The limiter's rules; its effect under load is measured by bench/abuse.sh, not here. */
class MissLimiterTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private MissLimiter limiter(double perSecond, int burst, int maxInFlight) {
    return new MissLimiter(
        new LimitProperties(perSecond, burst, List.of(), maxInFlight, Duration.ZERO),
        TrustedProxies.of(List.of()),
        meters);
  }

  private static MockServerHttpRequest get(String path, String client) {
    return MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress(client, 1)).build();
  }

  private static MockServerHttpResponse refused(
      MissLimiter limiter, MockServerHttpRequest request) {
    MockServerHttpResponse response = new MockServerHttpResponse();
    var refusal = limiter.admit(request, response, RequestRecord.start(request));
    if (refusal == null) {
      return null;
    }
    refusal.block();
    return response;
  }

  @Test
  void eachClientHasItsOwnBucketThen429WithRetryAfter() {
    MissLimiter limiter = limiter(0.5, 2, 0);
    assertThat(refused(limiter, get("/api/v2/breeds?name=a", "192.0.2.1"))).isNull();
    assertThat(refused(limiter, get("/api/v2/breeds?name=b", "192.0.2.1"))).isNull();
    MockServerHttpResponse third = refused(limiter, get("/api/v2/breeds?name=c", "192.0.2.1"));
    assertThat(third.getStatusCode().value()).isEqualTo(429);
    assertThat(third.getHeaders().getFirst("Retry-After")).isEqualTo("2");
    assertThat(third.getHeaders().getFirst("Content-Type")).isEqualTo("application/problem+json");
    assertThat(third.getBodyAsString().block()).contains("\"status\":429");
    assertThat(refused(limiter, get("/api/v2/breeds?name=a", "192.0.2.2"))).isNull();
    assertThat(meters.counter("api.requests.refused", "reason", "rate_limited").count())
        .isEqualTo(1);
  }

  @Test
  void v1KeepsTheOldBodyAndProbesAreNeverRefused() {
    MissLimiter limiter = limiter(0.5, 1, 0);
    assertThat(refused(limiter, get("/api/v1/breeds", "192.0.2.1"))).isNull();
    MockServerHttpResponse v1 = refused(limiter, get("/api/v1/breeds/x", "192.0.2.1"));
    assertThat(v1.getBodyAsString().block()).isEqualTo("{\"message\":\"too many requests\"}");
    assertThat(refused(limiter, get("/healthz/ready", "192.0.2.1"))).isNull();
    assertThat(refused(limiter, get("/metrics", "192.0.2.1"))).isNull();
  }

  @Test
  void allClientsTogetherAreBoundedAndAFullApiAnswers503() {
    MissLimiter limiter = limiter(0, 1, 2);
    MockServerHttpRequest one = get("/api/v2/origins", "192.0.2.1");
    assertThat(refused(limiter, one)).isNull();
    assertThat(refused(limiter, get("/api/v2/origins", "192.0.2.2"))).isNull();
    MockServerHttpResponse full = refused(limiter, get("/api/v2/origins", "192.0.2.3"));
    assertThat(full.getStatusCode().value()).isEqualTo(503);
    assertThat(full.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(meters.get("api.limit.in.flight").gauge().value()).isEqualTo(2);
    assertThat(meters.get("api.limit.max.in.flight").gauge().value()).isEqualTo(2);
    limiter.release(one);
    assertThat(meters.get("api.limit.in.flight").gauge().value()).isEqualTo(1);
    assertThat(refused(limiter, get("/api/v2/origins", "192.0.2.3"))).isNull();
  }

  @Test
  void zeroTurnsBothOff() {
    MissLimiter limiter = limiter(0, 1, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(refused(limiter, get("/api/v2/breeds?name=" + i, "192.0.2.1"))).isNull();
    }
  }
}
