package io.catscores.api.edge;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts the 200 answers of cacheable requests the {@link ResponseCache} could not answer into it,
 * with their ETag, and answers them as a cache hit would (so the first answer already has its ETag
 * and a matching If-None-Match already gets 304).
 */
@Component
class ResponseCacheFilter implements WebFilter {

  private final ResponseCache cache;

  ResponseCacheFilter(ResponseCache cache) {
    this.cache = cache;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestRecord record = RequestRecord.of(exchange);
    String key = ResponseCache.key(exchange.getRequest());
    if (key == null || record == null) { // not cacheable, or not through ApiFront
      return chain.filter(exchange);
    }
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
                      return cache.store(
                          key,
                          bytes,
                          getHeaders(),
                          record.route(),
                          exchange.getRequest(),
                          getDelegate());
                    });
          }
        };
    return chain
        .filter(exchange.mutate().response(capturing).build())
        .doFinally(done -> cache.refreshEnded(key));
  }
}
