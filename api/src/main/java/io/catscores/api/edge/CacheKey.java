package io.catscores.api.edge;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** What the {@link ResponseCache} keeps an answer under. */
final class CacheKey {

  private CacheKey() {}

  /**
   * The cache key of a request whose answer may be cached, else null: GETs under /api/v1 and
   * /api/v2 that accept JSON, streams excepted. The path is the one the routes read: ApiFront
   * already dropped its trailing slash, and drops only one. The scheme, host and path prefix the
   * request named are part of it: a page's Link names them, and one client's Host header must not
   * decide where another client's Link points (ResponseCacheIT, ForwardedOriginIT).
   */
  static String of(ServerHttpRequest request) {
    String path = request.getPath().value();
    if (request.getMethod() != HttpMethod.GET
        || !(path.startsWith("/api/v2/") || path.startsWith("/api/v1/"))
        || StreamPaths.isStream(path)
        || !HttpConditions.acceptsJson(request.getHeaders().get(HttpHeaders.ACCEPT))) {
      return null;
    }
    URI uri = request.getURI();
    return path
        + "?"
        + uri.getRawQuery()
        + " "
        + uri.getScheme()
        + "://"
        + uri.getRawAuthority()
        + ForwardedOrigin.prefixOf(request);
  }
}
