package io.catscores.api.edge;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response no client reads: what the handlers write while refreshing a stale cached answer in the
 * background ({@link ResponseCache}). {@link ResponseCacheFilter} keeps the answer before it gets
 * here; the bytes are then dropped.
 */
final class DetachedResponse extends AbstractServerHttpResponse {

  DetachedResponse() {
    super(DefaultDataBufferFactory.sharedInstance);
  }

  @Override
  public <T> T getNativeResponse() {
    throw new UnsupportedOperationException("a detached response has no native response");
  }

  @Override
  protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
    return Flux.from(body).doOnNext(DataBufferUtils::release).then();
  }

  @Override
  protected Mono<Void> writeAndFlushWithInternal(
      Publisher<? extends Publisher<? extends DataBuffer>> body) {
    return Flux.from(body).concatMap(this::writeWithInternal).then();
  }

  @Override
  protected void applyStatusCode() {}

  @Override
  protected void applyHeaders() {}

  @Override
  protected void applyCookies() {}
}
