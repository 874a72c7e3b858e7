package io.catscores.api.edge;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts the answers of cacheable requests the {@link ResponseCache} could not answer into it (200s;
 * 400s and 404s of handlers that declared what they read), and answers them as a cache hit would
 * (so the first answer already has its ETag and a matching If-None-Match already gets 304).
 */
@Component
// Before LastModifiedFilter: the mark is taken before the Last-Modified time is read, so a change
// between the two keeps the answer out of the cache (ResponseCacheTest shows the rule).
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ResponseCacheFilter implements WebFilter {

  private final ResponseCache cache;

  ResponseCacheFilter(ResponseCache cache) {
    this.cache = cache;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestRecord record = RequestRecord.of(exchange);
    String key = CacheKey.of(exchange.getRequest());
    if (key == null || record == null) { // not cacheable, or not through ApiFront
      return chain.filter(exchange);
    }
    long mark = cache.mark(); // before anything is read
    ServerHttpResponse response = exchange.getResponse();
    var capturing =
        new ServerHttpResponseDecorator(response) {
          @Override
          public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getStatusCode();
            int code = status == null ? 200 : status.value();
            boolean declared = exchange.getAttribute(CacheDependencies.ATTRIBUTE) != null;
            if (!(code == 200 || (declared && (code == 400 || code == 404)))) {
              return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body))
                .flatMap(
                    joined -> {
                      byte[] bytes = new byte[joined.readableByteCount()];
                      joined.read(bytes);
                      DataBufferUtils.release(joined);
                      var answer =
                          new ResponseCache.Stored(
                              key,
                              mark,
                              code,
                              bytes,
                              getHeaders(),
                              record.route(),
                              CacheDependencies.of(exchange));
                      return cache.store(answer, exchange.getRequest(), getDelegate());
                    });
          }
        };
    return chain.filter(exchange.mutate().response(capturing).build());
  }
}
