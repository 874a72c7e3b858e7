package io.catscores.api.edge;

import static io.catscores.common.Setting.atLeast;
import static io.catscores.common.Setting.required;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
@ConfigurationProperties("api.limit")
record LimitProperties(
    double cacheMissesPerSecond,
    int cacheMissBurst,
    List<String> trustedProxies,
    int maxInFlight,
    Duration refusalDelay) {

  LimitProperties {
    atLeast("API_LIMIT_MISSES_PER_SECOND", cacheMissesPerSecond, 0);
    atLeast("API_LIMIT_MISS_BURST", cacheMissBurst, 1);
    required("API_TRUSTED_PROXIES", trustedProxies);
    TrustedProxies.of(trustedProxies); // an entry that is no address or network stops start-up
    atLeast("API_MAX_IN_FLIGHT", maxInFlight, 0);
    required("API_LIMIT_REFUSAL_DELAY", refusalDelay);
  }
}
