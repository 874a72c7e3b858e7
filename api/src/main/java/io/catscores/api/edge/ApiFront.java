package io.catscores.api.edge;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * In front of Spring WebFlux: every request is recorded ({@link RequestTelemetry}), and one the
 * {@link ResponseCache} can answer is answered right here, on the event loop, without building a
 * WebFlux exchange; every other request goes on to WebFlux with its record in the Reactor context.
 * Answering on the event loop is safe since Reactor Netty 1.3.8 (KeepAliveIT); before it,
 * synchronous answers made reused connections stall (doc/known-issues.md).
 */
final class ApiFront implements HttpHandler {

  private final HttpHandler webFlux;
  private final RequestTelemetry telemetry;
  private final ResponseCache cache;

  ApiFront(HttpHandler webFlux, RequestTelemetry telemetry, ResponseCache cache) {
    this.webFlux = webFlux;
    this.telemetry = telemetry;
    this.cache = cache;
  }

  @Override
  public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
    RequestRecord record = telemetry.start(request);
    Mono<Void> answer;
    try {
      answer = cache.answer(request, response, record);
      if (answer == null) {
        answer =
            webFlux.handle(request, response).contextWrite(Context.of(RequestRecord.class, record));
      }
    } catch (RuntimeException e) { // still counted and logged; Reactor Netty answers 500
      answer = Mono.error(e);
    }
    return answer.doFinally(signal -> telemetry.finish(record, request, response, signal));
  }
}
