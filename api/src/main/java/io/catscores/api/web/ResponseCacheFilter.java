package io.catscores.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every successful GET under /api/v1 gets a strong ETag (SHA-256 of the exact body) and 304 when
 * If-None-Match names it, and is kept in memory for a short time: the data changes only when a sync
 * or a drain writes, so repeated requests are served without touching PostgreSQL (see
 * doc/benchmarks.md). A cached response is at most {@code api.cache.*-ttl} old.
 */
@Component
class ResponseCacheFilter implements WebFilter {

  private static final int STALE_FACTOR = 3;

  /**
   * A cached 200. Fresh until {@code freshUntil}; after that one request refreshes it while the
   * others are still answered from it (no stampede on the database), until it expires at three
   * times the TTL.
   */
  private record Cached(
      byte[] body,
      String etag,
      String contentType,
      String link,
      String pattern,
      boolean scores,
      long freshUntil,
      AtomicBoolean refreshing) {}

  private final ApiCacheProperties ttl;
  private final Cache<String, Cached> cache;

  ResponseCacheFilter(ApiCacheProperties ttl, MeterRegistry meters) {
    this.ttl = ttl;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(ttl.maxBytes())
            .weigher((String key, Cached value) -> key.length() + value.body().length)
            .expireAfter(
                Expiry.<String, Cached>writing(
                    (key, value) -> ttlOf(value.scores()).multipliedBy(STALE_FACTOR)))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(meters, cache, "api_responses");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (exchange.getRequest().getMethod() != HttpMethod.GET || !path.startsWith("/api/v1/")) {
      return chain.filter(exchange);
    }
    String key = path + "?" + exchange.getRequest().getURI().getRawQuery();
    Cached hit = cache.getIfPresent(key);
    if (hit != null
        && (System.nanoTime() < hit.freshUntil() || !hit.refreshing().compareAndSet(false, true))) {
      // Label the request metrics with the route template, as the handler mapping would have.
      ServerRequestObservationContext.findCurrent(exchange.getAttributes())
          .ifPresent(context -> context.setPathPattern(hit.pattern()));
      // Answered on the event loop: safe since Reactor Netty 1.3.8 (KeepAliveIT), before which
      // synchronous answers made reused connections stall (doc/known-issues.md).
      return write(exchange, exchange.getResponse(), hit);
    }
    boolean scores = path.startsWith("/api/v1/games") || path.startsWith("/api/v1/players");
    Runnable refreshDone = hit == null ? () -> {} : () -> hit.refreshing().set(false);
    ServerHttpResponse response = exchange.getResponse();
    var capturing =
        new ServerHttpResponseDecorator(response) {
          @Override
          public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (getStatusCode() != null && !getStatusCode().is2xxSuccessful()) {
              return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body))
                .flatMap(
                    joined -> {
                      byte[] bytes = new byte[joined.readableByteCount()];
                      joined.read(bytes);
                      DataBufferUtils.release(joined);
                      Object pattern =
                          exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                      HttpHeaders headers = getHeaders();
                      Cached fresh =
                          new Cached(
                              bytes,
                              "\"" + digest(bytes) + "\"",
                              headers.getFirst(HttpHeaders.CONTENT_TYPE),
                              headers.getFirst("Link"),
                              pattern == null ? null : pattern.toString(),
                              scores,
                              System.nanoTime() + ttlOf(scores).toNanos(),
                              new AtomicBoolean());
                      if (!ttlOf(scores).isZero()) {
                        cache.put(key, fresh);
                      }
                      return ResponseCacheFilter.write(exchange, getDelegate(), fresh);
                    });
          }
        };
    return chain
        .filter(exchange.mutate().response(capturing).build())
        .doFinally(done -> refreshDone.run());
  }

  private Duration ttlOf(boolean scores) {
    return scores ? ttl.scoresTtl() : ttl.catalogueTtl();
  }

  private static Mono<Void> write(
      ServerWebExchange exchange, ServerHttpResponse response, Cached cached) {
    HttpHeaders headers = response.getHeaders();
    headers.setETag(cached.etag());
    headers.setCacheControl(
        cached.scores()
            ? "public, max-age=5, must-revalidate"
            : "public, max-age=300, must-revalidate");
    if (cached.link() != null) {
      headers.set("Link", cached.link());
    }
    if (matches(exchange.getRequest().getHeaders().get(HttpHeaders.IF_NONE_MATCH), cached.etag())) {
      response.setStatusCode(HttpStatus.NOT_MODIFIED);
      headers.setContentLength(0);
      return response.setComplete();
    }
    response.setStatusCode(HttpStatus.OK);
    if (cached.contentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, cached.contentType());
    }
    headers.setContentLength(cached.body().length);
    return response.writeWith(
        Mono.fromSupplier(() -> response.bufferFactory().wrap(cached.body())));
  }

  /**
   * RFC 9110 If-None-Match (weak comparison, as for GET), read leniently: a malformed header simply
   * does not match, it never fails the request.
   */
  static boolean matches(List<String> ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String header : ifNoneMatch) {
      for (String candidate : header.split(",")) {
        String tag = candidate.trim();
        if (tag.startsWith("W/")) {
          tag = tag.substring(2);
        }
        if (tag.equals("*") || tag.equals(etag)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
