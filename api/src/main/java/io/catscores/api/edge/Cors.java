package io.catscores.api.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * CORS for browser consumers of the read-only api, answered in {@link ApiFront} so cache hits get
 * the same headers as everything else (CorsIT). Only GET and HEAD; the response headers a page
 * needs for conditional requests and paging are exposed.
 */
@Component
class Cors {

  private static final String EXPOSED = "ETag, Link, Retry-After";
  private static final String ALLOWED_HEADERS = "Accept, If-None-Match, traceparent";
  private static final String MAX_AGE = Long.toString(Duration.ofMinutes(10).toSeconds());

  private final List<String> allowedOrigins;
  private final boolean anyOrigin;

  Cors(CorsProperties properties) {
    this.allowedOrigins = properties.allowedOrigins();
    this.anyOrigin = allowedOrigins.contains("*");
  }

  static boolean isPreflight(ServerHttpRequest request) {
    return request.getMethod() == HttpMethod.OPTIONS
        && request.getHeaders().containsHeader(HttpHeaders.ORIGIN)
        && request.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
  }

  /** Answers a preflight: 204 for GET/HEAD from an allowed origin, else 403. */
  Mono<Void> preflight(ServerHttpRequest request, ServerHttpResponse response) {
    String method = request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    String origin = request.getHeaders().getOrigin();
    if (!allowed(origin) || !("GET".equals(method) || "HEAD".equals(method))) {
      response.setStatusCode(HttpStatus.FORBIDDEN);
      return response.setComplete();
    }
    HttpHeaders headers = response.getHeaders();
    allowOrigin(origin, headers);
    varyByOrigin(headers);
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD");
    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
    headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
    response.setStatusCode(HttpStatus.NO_CONTENT);
    return response.setComplete();
  }

  /**
   * The headers of an actual cross-origin GET or HEAD. With a list of origins every GET and HEAD
   * answer says it varies by Origin, those without one too: a shared cache in front (a CDN) must
   * not give a site the answer stored for a request from nowhere, or from another site (CorsTest).
   */
  void decorate(ServerHttpRequest request, HttpHeaders headers) {
    String origin = request.getHeaders().getOrigin();
    HttpMethod method = request.getMethod();
    if (!(method == HttpMethod.GET || method == HttpMethod.HEAD)) {
      return;
    }
    varyByOrigin(headers);
    if (allowed(origin)) {
      allowOrigin(origin, headers);
      headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    }
  }

  /** With a list of origins, answers differ by Origin (CorsTest). */
  private void varyByOrigin(HttpHeaders headers) {
    if (!anyOrigin) {
      headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
  }

  private boolean allowed(String origin) {
    return origin != null && (anyOrigin || allowedOrigins.contains(origin));
  }

  private void allowOrigin(String origin, HttpHeaders headers) {
    if (anyOrigin) {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    } else {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
  }
}
