package io.catscores.api.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A strong ETag (SHA-256 of the exact body) on every successful GET under /api/v1, and 304 Not
 * Modified when If-None-Match names it. Cache-Control suits data that changes on sync: catalogue
 * responses may be cached for 5 minutes, scores (drained every second) for 5 seconds.
 */
@Component
class ETagFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getMethod() != HttpMethod.GET
        || !exchange.getRequest().getPath().value().startsWith("/api/v1/")) {
      return chain.filter(exchange);
    }
    String path = exchange.getRequest().getPath().value();
    ServerHttpResponse response = exchange.getResponse();
    var decorated =
        new ServerHttpResponseDecorator(response) {
          @Override
          public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatus status =
                HttpStatus.resolve(getStatusCode() == null ? 200 : getStatusCode().value());
            if (status == null || !status.is2xxSuccessful()) {
              return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body))
                .flatMap(
                    joined -> {
                      byte[] bytes = new byte[joined.readableByteCount()];
                      joined.read(bytes);
                      DataBufferUtils.release(joined);
                      String etag = "\"" + digest(bytes) + "\"";
                      HttpHeaders headers = getHeaders();
                      headers.setETag(etag);
                      headers.setCacheControl(cacheControl(path));
                      if (matches(exchange.getRequest().getHeaders().getIfNoneMatch(), etag)) {
                        setStatusCode(HttpStatus.NOT_MODIFIED);
                        headers.remove(HttpHeaders.CONTENT_TYPE);
                        headers.setContentLength(0);
                        return setComplete();
                      }
                      headers.setContentLength(bytes.length);
                      return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                    });
          }
        };
    return chain.filter(exchange.mutate().response(decorated).build());
  }

  private static boolean matches(java.util.List<String> ifNoneMatch, String etag) {
    return ifNoneMatch.stream()
        .anyMatch(candidate -> candidate.equals(etag) || candidate.equals("*"));
  }

  private static String cacheControl(String path) {
    boolean scores = path.startsWith("/api/v1/games") || path.startsWith("/api/v1/players");
    return scores ? "public, max-age=5, must-revalidate" : "public, max-age=300, must-revalidate";
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
