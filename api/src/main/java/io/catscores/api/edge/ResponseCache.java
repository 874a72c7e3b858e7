package io.catscores.api.edge;

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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every successful GET under /api/v1 or /api/v2 gets a strong ETag (SHA-256 of the exact body) and
 * 304 when If-None-Match names it, and is kept in memory for a short time: the data changes only
 * when a sync or a drain writes, so repeated requests are served without touching PostgreSQL (see
 * doc/benchmarks.md). A cached response is at most {@code api.cache.*-ttl} old. {@link ApiFront}
 * answers from it; {@link ResponseCacheFilter} fills it.
 */
@Component
class ResponseCache {

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
      long lastModified,
      String route,
      boolean scores,
      long freshUntil,
      AtomicBoolean refreshing) {}

  private final ApiCacheProperties ttl;
  private final Cache<String, Cached> store;

  ResponseCache(ApiCacheProperties ttl, MeterRegistry meters) {
    this.ttl = ttl;
    this.store =
        Caffeine.newBuilder()
            .maximumWeight(ttl.maxBytes())
            .weigher((String key, Cached value) -> key.length() + value.body().length)
            .expireAfter(
                Expiry.<String, Cached>writing(
                    (key, value) -> ttlOf(isScores(key)).multipliedBy(STALE_FACTOR)))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(meters, store, "api_responses");
  }

  /**
   * The cache key of a request whose answer may be cached, else null: GETs under /api/v1 and
   * /api/v2 that accept JSON; the trailing slash is ignored, as the routes ignore it.
   */
  static String key(ServerHttpRequest request) {
    String path = request.getPath().value();
    if (request.getMethod() != HttpMethod.GET
        || !(path.startsWith("/api/v2/") || path.startsWith("/api/v1/"))
        || !acceptsJson(request.getHeaders().get(HttpHeaders.ACCEPT))) {
      return null;
    }
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path + "?" + request.getURI().getRawQuery();
  }

  /**
   * The cached answer to the request, or null when it must go to the handlers: not cacheable, not
   * cached, or stale and this request is the one to refresh it ({@link ResponseCacheFilter} then
   * stores the new answer).
   */
  Mono<Void> answer(ServerHttpRequest request, ServerHttpResponse response, RequestRecord record) {
    String key = key(request);
    if (key == null) {
      return null;
    }
    Cached hit = store.getIfPresent(key);
    if (hit == null
        || (System.nanoTime() >= hit.freshUntil() && hit.refreshing().compareAndSet(false, true))) {
      return null;
    }
    record.route(hit.route());
    return write(request, response, hit);
  }

  /** Keeps a 200 body the handlers wrote (unless caching is off for its kind) and answers it. */
  Mono<Void> store(
      String key,
      byte[] body,
      HttpHeaders headers,
      String route,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    boolean scores = isScores(key);
    Cached fresh =
        new Cached(
            body,
            "\"" + digest(body) + "\"",
            headers.getFirst(HttpHeaders.CONTENT_TYPE),
            headers.getFirst("Link"),
            headers.getLastModified(),
            route,
            scores,
            System.nanoTime() + ttlOf(scores).toNanos(),
            new AtomicBoolean());
    if (!ttlOf(scores).isZero()) {
      store.put(key, fresh);
    }
    return write(request, response, fresh);
  }

  /** Lets the next request refresh the entry, if the one that tried did not store a new one. */
  void refreshEnded(String key) {
    Cached entry = store.getIfPresent(key);
    if (entry != null) {
      entry.refreshing().set(false);
    }
  }

  private static boolean isScores(String key) {
    return key.startsWith("/api/v2/games")
        || key.startsWith("/api/v2/players")
        || key.startsWith("/api/v2/status");
  }

  private Duration ttlOf(boolean scores) {
    return scores ? ttl.scoresTtl() : ttl.catalogueTtl();
  }

  private static Mono<Void> write(
      ServerHttpRequest request, ServerHttpResponse response, Cached cached) {
    HttpHeaders headers = response.getHeaders();
    headers.setETag(cached.etag());
    headers.setCacheControl(
        cached.scores()
            ? "public, max-age=5, must-revalidate"
            : "public, max-age=300, must-revalidate");
    if (cached.link() != null) {
      headers.set("Link", cached.link());
    }
    if (cached.lastModified() >= 0) {
      headers.setLastModified(cached.lastModified());
    }
    if (notModified(request.getHeaders(), cached)) {
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
   * RFC 9110 13.2.2: If-None-Match decides when present; else If-Modified-Since against the
   * answer's Last-Modified (whole seconds, as HTTP dates have). A malformed date is ignored.
   */
  private static boolean notModified(HttpHeaders request, Cached cached) {
    List<String> ifNoneMatch = request.get(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      return matches(ifNoneMatch, cached.etag());
    }
    if (cached.lastModified() < 0) {
      return false;
    }
    long since;
    try {
      since = request.getIfModifiedSince();
    } catch (IllegalArgumentException e) {
      return false;
    }
    return since >= 0 && cached.lastModified() / 1000 <= since / 1000;
  }

  /**
   * Whether a request's Accept allows the JSON every cached answer is; the others go to WebFlux,
   * which answers them 406 as it would without the cache. No Accept header means anything.
   */
  static boolean acceptsJson(List<String> accept) {
    if (accept == null) {
      return true;
    }
    if (accept.size() == 1
        && (accept.get(0).equals("*/*") || accept.get(0).equals("application/json"))) {
      return true; // what curl, Postman and most clients send: no parsing
    }
    try {
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
          return true;
        }
      }
      return false;
    } catch (InvalidMediaTypeException e) {
      return false;
    }
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
