package io.catscores.syncronizer.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads JSON lists from a TheCatAPI-compatible upstream, each request behind the source's rate
 * limiter and circuit breaker, retried with exponential backoff and jitter on 5xx, I/O errors,
 * timeouts and unreadable bodies, and after the delay a 429's Retry-After asks for.
 */
@Component
class UpstreamClient {

  private final WebClient.Builder webClients;
  private final SyncProperties.Http http;
  private final ObjectMapper json;
  private final CircuitBreakerRegistry breakers;
  private final RateLimiterRegistry rateLimiters;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  UpstreamClient(
      WebClient.Builder webClients,
      SyncProperties properties,
      ObjectMapper json,
      CircuitBreakerRegistry breakers,
      RateLimiterRegistry rateLimiters) {
    this.webClients = webClients;
    this.http = properties.http();
    this.json = json;
    this.breakers = breakers;
    this.rateLimiters = rateLimiters;
  }

  private record Endpoint(
      WebClient web, CircuitBreaker breaker, RateLimiter limiter, Retry retry) {}

  /**
   * GETs {@code uriTemplate} (relative to the source's base URL) and returns the JSON list.
   *
   * @throws UpstreamException, a timeout, an I/O error or {@code CallNotPermittedException} (the
   *     breaker is open) once retries are exhausted
   */
  Mono<List<JsonNode>> list(SyncProperties.Source source, String uriTemplate, Object... variables) {
    Endpoint endpoint = endpoints.computeIfAbsent(source.name(), name -> endpoint(source));
    return Mono.defer(
            () ->
                endpoint
                    .web()
                    .get()
                    .uri(uriTemplate, variables)
                    .headers(headers -> apiKey(source, headers))
                    .exchangeToMono(response -> read(response, uriTemplate)))
        .timeout(http.responseTimeout())
        .transformDeferred(RateLimiterOperator.of(endpoint.limiter()))
        .transformDeferred(CircuitBreakerOperator.of(endpoint.breaker()))
        .transformDeferred(RetryOperator.of(endpoint.retry()));
  }

  /** The breaker guarding {@code source}, for the control API and metrics. */
  CircuitBreaker breaker(SyncProperties.Source source) {
    return endpoints.computeIfAbsent(source.name(), name -> endpoint(source)).breaker();
  }

  private static void apiKey(SyncProperties.Source source, HttpHeaders headers) {
    if (source.apiKey() != null && !source.apiKey().isBlank()) {
      headers.set("x-api-key", source.apiKey());
    }
  }

  private Mono<List<JsonNode>> read(ClientResponse response, String uri) {
    int status = response.statusCode().value();
    if (!response.statusCode().is2xxSuccessful()) {
      Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
      return response
          .releaseBody()
          .then(
              Mono.error(
                  new UpstreamException("HTTP " + status + " from " + uri, status, retryAfter)));
    }
    return response
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .map(
            body -> {
              JsonNode node;
              try {
                node = json.readTree(body);
              } catch (JacksonException e) {
                throw new UpstreamException(
                    "Malformed JSON from " + uri + ": " + e.getOriginalMessage(), 0, null);
              }
              if (node == null || !node.isArray()) {
                throw new UpstreamException("Expected a JSON list from " + uri, 0, null);
              }
              List<JsonNode> items = new ArrayList<>(node.size());
              node.forEach(items::add);
              return items;
            });
  }

  /** Retry-After (seconds or an HTTP date) or TheCatAPI's Retry-After-Seconds, else null. */
  static Duration retryAfter(HttpHeaders headers) {
    for (String name : List.of("Retry-After", "Retry-After-Seconds")) {
      String value = headers.getFirst(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      value = value.trim();
      if (value.matches("\\d{1,6}")) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (RuntimeException ignored) {
        // not a date either: fall back to our own backoff
      }
    }
    return null;
  }

  /** One source's resilience chain: its own web client, breaker, rate limiter and retry. */
  private Endpoint endpoint(SyncProperties.Source source) {
    return new Endpoint(
        newWebClient(source), newBreaker(source), newLimiter(source), newRetry(source));
  }

  private WebClient newWebClient(SyncProperties.Source source) {
    HttpClient httpClient =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) http.connectTimeout().toMillis())
            .responseTimeout(http.responseTimeout());
    return webClients
        .clone()
        .baseUrl(source.baseUrl())
        .clientConnector(new ReactorClientHttpConnector(httpClient))
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
        .build();
  }

  private CircuitBreaker newBreaker(SyncProperties.Source source) {
    return breakers.circuitBreaker(
        source.name(),
        CircuitBreakerConfig.custom()
            .failureRateThreshold(http.breakerFailureRate())
            .slidingWindowSize(http.breakerWindow())
            .minimumNumberOfCalls(http.breakerWindow())
            .waitDurationInOpenState(http.breakerOpenFor())
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());
  }

  private RateLimiter newLimiter(SyncProperties.Source source) {
    return rateLimiters.rateLimiter(
        source.name(),
        RateLimiterConfig.custom()
            .limitForPeriod(http.rateLimitPerSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ofSeconds(30))
            .build());
  }

  /** Exponential backoff with jitter, or the upstream's Retry-After (capped) when it sent one. */
  private Retry newRetry(SyncProperties.Source source) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            http.retryInitialBackoff(), 2.0, 0.5, http.retryMaxBackoff());
    IntervalBiFunction<Object> interval =
        (attempt, outcome) -> {
          if (outcome.isLeft()
              && outcome.getLeft() instanceof UpstreamException upstream
              && upstream.retryAfter() != null) {
            return Math.min(upstream.retryAfter().toMillis(), http.maxRetryAfter().toMillis());
          }
          return backoff.apply(attempt);
        };
    return Retry.of(
        source.name(),
        RetryConfig.custom()
            .maxAttempts(http.retryAttempts())
            .intervalBiFunction(interval)
            .retryOnException(UpstreamClient::retryable)
            .build());
  }

  static boolean retryable(Throwable error) {
    if (error instanceof UpstreamException upstream) {
      return upstream.retryable();
    }
    if (error instanceof TimeoutException || error instanceof WebClientRequestException) {
      return true;
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
