package io.catscores.api.edge;

import io.catscores.common.TokenBuckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cached answers are cheap; requests the cache cannot answer reach PostgreSQL. Each client gets a
 * token bucket for those (429 with Retry-After once it is empty), and all clients together at most
 * {@code maxInFlight} of them at once (503 with Retry-After beyond): a flood turns into fast
 * refusals instead of a growing queue in front of the connection pool (MissLimiterIT,
 * bench/abuse.sh). Only /api/ paths count; probes and metrics are never refused.
 */
@Component
class MissLimiter {

  private final TokenBuckets buckets;
  private final LimitProperties limits;
  private final TrustedProxies proxies;
  private final Semaphore inFlight;
  private final Counter rateLimited;
  private final Counter overloaded;

  MissLimiter(LimitProperties limits, TrustedProxies proxies, MeterRegistry meters) {
    this.limits = limits;
    this.proxies = proxies;
    this.buckets =
        limits.cacheMissesPerSecond() > 0
            ? new TokenBuckets(limits.cacheMissesPerSecond(), limits.cacheMissBurst(), 100_000)
            : null;
    this.inFlight = limits.maxInFlight() > 0 ? new Semaphore(limits.maxInFlight()) : null;
    if (inFlight != null) {
      gauges(meters, limits.maxInFlight(), inFlight);
    }
    this.rateLimited = refusals(meters, "rate_limited");
    this.overloaded = refusals(meters, "overloaded");
  }

  /**
   * How close the api is to refusing with 503: what is past the cache now (background reads of
   * stale answers included), and the most it takes. LiveCacheIT waits on the first.
   */
  private static void gauges(MeterRegistry meters, int max, Semaphore permits) {
    Gauge.builder("api.limit.in.flight", permits, p -> max - p.availablePermits())
        .description("Requests past the response cache at the handlers now (503 beyond the max)")
        .register(meters);
    Gauge.builder("api.limit.max.in.flight", () -> max)
        .description("API_MAX_IN_FLIGHT: requests past the cache taken at once")
        .register(meters);
  }

  private static Counter refusals(MeterRegistry meters, String reason) {
    return Counter.builder("api.requests.refused")
        .description("Requests refused before any work: one client over its limit, or the api full")
        .tag("reason", reason)
        .register(meters);
  }

  /**
   * Null when the request may go on (then {@link #release} must follow its answer), else the
   * refusal, already written.
   */
  Mono<Void> admit(ServerHttpRequest request, ServerHttpResponse response, RequestRecord record) {
    String path = request.getPath().value();
    if (!path.startsWith("/api/")) {
      return null;
    }
    if (buckets != null) {
      long wait = buckets.take(ClientAddress.of(request, proxies));
      if (wait > 0) {
        rateLimited.increment();
        record.route("RATE_LIMITED");
        Mono<Void> refusal =
            refuse(
                path,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                seconds(wait),
                "This client sends too many requests the cache cannot answer");
        return limits.refusalDelay().isZero()
            ? refusal
            : Mono.delay(limits.refusalDelay()).then(refusal);
      }
    }
    if (holdsPermit(path) && !inFlight.tryAcquire()) {
      overloaded.increment();
      record.route("OVERLOADED");
      return refuse(
          path,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          1,
          "The api is handling as many requests as it can");
    }
    return null;
  }

  void release(ServerHttpRequest request) {
    String path = request.getPath().value();
    if (path.startsWith("/api/") && holdsPermit(path)) {
      inFlight.release();
    }
  }

  /**
   * A live stream lasts as long as its client stays: it holds no in-flight permit (thousands of
   * them would refuse everything else), it costs no query of its own (LeaderboardStreams).
   */
  private boolean holdsPermit(String path) {
    return inFlight != null && !StreamPaths.isStream(path);
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  /** v1 keeps the old body ({"message"}), v2 gets problem+json, as from ApiErrors. */
  private static Mono<Void> refuse(
      String path, ServerHttpResponse response, HttpStatus status, long retryAfter, String why) {
    boolean v1 = path.startsWith("/api/v1/") || path.equals("/api/v1");
    String detail = why + "; retry after " + retryAfter + " s.";
    String body =
        v1
            ? "{\"message\":\"" + status.getReasonPhrase().toLowerCase(Locale.ROOT) + "\"}"
            : "{\"type\":\"about:blank\",\"title\":\""
                + status.getReasonPhrase()
                + "\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + detail
                + "\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    HttpHeaders headers = response.getHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    headers.set(HttpHeaders.CONTENT_TYPE, v1 ? "application/json" : "application/problem+json");
    headers.setContentLength(bytes.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
  }
}
