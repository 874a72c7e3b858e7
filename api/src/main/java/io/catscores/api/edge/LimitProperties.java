package io.catscores.api.edge;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What keeps one ill-behaved client from hurting the others (MissLimiter).
 *
 * @param cacheMissesPerSecond {@code API_LIMIT_MISSES_PER_SECOND}: requests per second one client
 *     may send that the response cache cannot answer; 0 turns the limit off
 * @param cacheMissBurst {@code API_LIMIT_MISS_BURST}: how many such requests it may send at once
 * @param trustedProxies {@code API_TRUSTED_PROXIES}: addresses or networks (CIDR, {@code
 *     10.0.0.0/8}) of proxies in front of the api whose {@code X-Forwarded-For} names the client,
 *     and whose {@code X-Forwarded-Proto/Host/Port} or {@code Forwarded} name the scheme and host
 *     the client used (ForwardedOrigin); nobody else's are believed
 * @param maxInFlight {@code API_MAX_IN_FLIGHT}: requests handled beyond the cache at once, all
 *     clients together; more get a fast 503 instead of queueing for the database; 0 = no bound
 * @param refusalDelay {@code API_LIMIT_REFUSAL_DELAY}: how long a 429 is held before it is sent, so
 *     a client that ignores Retry-After cannot spin on cheap refusals and take the CPU others need
 *     (bench/abuse.sh measured 65 % of the well-behaved throughput without it)
 */
@Validated
@ConfigurationProperties("api.limit")
record LimitProperties(
    @Min(0) double cacheMissesPerSecond,
    @Min(1) int cacheMissBurst,
    @NotNull List<String> trustedProxies,
    @Min(0) int maxInFlight,
    @NotNull Duration refusalDelay) {

  LimitProperties {
    if (trustedProxies != null) {
      TrustedProxies.of(trustedProxies); // an entry that is no address or network stops start-up
    }
  }
}
