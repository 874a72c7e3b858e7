package io.catscores.api.edge;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * In front of Spring WebFlux: every request is recorded ({@link RequestTelemetry}), and one the
 * {@link ResponseCache} can answer is answered right here, on the event loop, without building a
 * WebFlux exchange; every other request passes the {@link MissLimiter} and goes on to WebFlux with
 * its record in the Reactor context. Answering on the event loop is safe since Reactor Netty 1.3.8
 * (KeepAliveIT); before it, synchronous answers made reused connections stall
 * (doc/known-issues.md).
 */
final class ApiFront implements HttpHandler {

  private final HttpHandler webFlux;
  private final RequestTelemetry telemetry;
  private final ResponseCache cache;
  private final Cors cors;
  private final MissLimiter limiter;
  private final ForwardedOrigin forwarded;

  ApiFront(
      HttpHandler webFlux,
      RequestTelemetry telemetry,
      ResponseCache cache,
      Cors cors,
      MissLimiter limiter,
      TrustedProxies trustedProxies) {
    this.webFlux = webFlux;
    this.telemetry = telemetry;
    this.cache = cache;
    this.cors = cors;
    this.limiter = limiter;
    this.forwarded = new ForwardedOrigin(trustedProxies);
  }

  @Override
  public Mono<Void> handle(ServerHttpRequest sent, ServerHttpResponse response) {
    ServerHttpRequest plain = normalized(sent);
    ServerHttpRequest request = forwarded.of(plain);
    RequestRecord record = telemetry.start(request);
    response.beforeCommit(() -> headers(request, response));
    Mono<Void> answer;
    try {
      if (Cors.isPreflight(request)) {
        record.route("CORS_PREFLIGHT");
        answer = cors.preflight(request, response);
      } else {
        answer =
            cache.answer(request, response, record, target -> handlers(request, target, record));
      }
    } catch (RuntimeException e) { // still counted and logged; Reactor Netty answers 500
      answer = Mono.error(e);
    }
    return answer.doFinally(signal -> telemetry.finish(record, request, response, signal));
  }

  /**
   * The request as the routes read it. The Flask API answered /api/v1/breeds/ and /api/v1/breeds
   * alike, and its health check was /healthz/: one trailing slash is dropped under /api/ and
   * /healthz/, without a redirect (V1ContractIT). An Accept the api ignores is dropped ({@link
   * HttpConditions#ignoresAccept}). Both before {@link ForwardedOrigin}: mutate() rebuilds the path
   * from the URI, which may carry a proxy's path prefix no route has (ForwardedOriginIT). Nothing
   * after this may mutate() the request's path.
   */
  private static ServerHttpRequest normalized(ServerHttpRequest sent) {
    String path = sent.getPath().value();
    boolean slash =
        path.endsWith("/") && (path.startsWith("/api/") || path.startsWith("/healthz/"));
    boolean accept = HttpConditions.ignoresAccept(path, sent.getHeaders().get(HttpHeaders.ACCEPT));
    if (!slash && !accept) {
      return sent;
    }
    ServerHttpRequest.Builder builder = sent.mutate();
    if (slash) {
      builder.path(path.substring(0, path.length() - 1));
    }
    if (accept) {
      builder.headers(headers -> headers.remove(HttpHeaders.ACCEPT));
    }
    return builder.build();
  }

  /**
   * Past the {@link MissLimiter}, to WebFlux; or its refusal. {@code response} is the client's, or
   * the one a background refresh of a stale answer writes to ({@link ResponseCache}).
   */
  private Mono<Void> handlers(
      ServerHttpRequest request, ServerHttpResponse response, RequestRecord record) {
    Mono<Void> refused = limiter.admit(request, response, record);
    if (refused != null) {
      return refused;
    }
    // Deferred, so even a handler that throws at once gives its in-flight permit back.
    return Mono.defer(() -> webFlux.handle(request, response))
        .contextWrite(Context.of(RequestRecord.class, record))
        .doFinally(signal -> limiter.release(request));
  }

  /** On every answer: no MIME sniffing of our JSON (CorsIT), and CORS for other sites' pages. */
  private Mono<Void> headers(ServerHttpRequest request, ServerHttpResponse response) {
    HttpHeaders headers = response.getHeaders();
    headers.set("X-Content-Type-Options", "nosniff");
    cors.decorate(request, headers);
    return Mono.empty();
  }
}
