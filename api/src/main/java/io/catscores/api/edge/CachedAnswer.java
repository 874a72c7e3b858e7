package io.catscores.api.edge;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * A cached answer. Fresh until {@code freshUntil}; after that one request refreshes it while the
 * others are still answered from it, until it expires at three times its life. A change that
 * touches it makes it stale at once ({@link ResponseCache}'s evict): the next request reads the new
 * data, and requests that arrive during that read get this answer rather than all waiting for the
 * database (ResponseCacheTest; doc/benchmarks.md, "mixed run").
 */
record CachedAnswer(
    int status,
    byte[] body,
    String etag,
    String contentType,
    String link,
    long lastModified,
    String route,
    boolean scores,
    CacheDependencies dependencies,
    long expiresAt,
    long freshUntil,
    AtomicBoolean refreshing) {

  /** The same answer, to be refreshed by the next request; it still expires when it would. */
  CachedAnswer evicted() {
    return new CachedAnswer(
        status,
        body,
        etag,
        contentType,
        link,
        lastModified,
        route,
        scores,
        dependencies,
        expiresAt,
        System.nanoTime() - 1,
        new AtomicBoolean());
  }

  /** Answers a request with this answer (304 when its If-None-Match names it). */
  Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response) {
    HttpHeaders headers = response.getHeaders();
    if (status() == 200) {
      headers.setETag(etag());
      // Scores change by the second: clients revalidate (a 304 is cheap) rather than show old ones.
      headers.setCacheControl(
          scores() ? "public, no-cache" : "public, max-age=300, must-revalidate");
      if (link() != null) {
        headers.set("Link", link());
      }
      if (lastModified() >= 0) {
        headers.setLastModified(lastModified());
      }
      if (HttpConditions.notModified(request.getHeaders(), etag(), lastModified())) {
        response.setStatusCode(HttpStatus.NOT_MODIFIED);
        headers.setContentLength(0);
        return response.setComplete();
      }
    }
    response.setStatusCode(HttpStatus.valueOf(status()));
    if (contentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, contentType());
    }
    headers.setContentLength(body().length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body())));
  }
}
