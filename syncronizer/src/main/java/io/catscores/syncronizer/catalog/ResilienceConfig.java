package io.catscores.syncronizer.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Breakers and rate limiters per source, published as resilience4j_* metrics. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfig {

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meters) {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry;
  }

  @Bean
  RateLimiterRegistry rateLimiterRegistry(MeterRegistry meters) {
    RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
    return registry;
  }
}
