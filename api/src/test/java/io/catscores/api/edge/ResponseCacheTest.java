package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.changes.Change;
import io.catscores.api.changes.Changes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An answer read before a change that touches it must not be kept once stored after that change's
 * eviction (it would stay stale until its TTL); an answer the change does not touch is kept. After
 * a change, one request reads again and the others do not wait for it.
 */
class ResponseCacheTest {

  private static final String PATH = "/api/v2/games/BO/leaderboard";

  private final Changes changes = new Changes();
  private final ResponseCache cache =
      new ResponseCache(
          new ApiCacheProperties(
              Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10), 1 << 20),
          changes,
          new SimpleMeterRegistry());
  private final AtomicInteger handled = new AtomicInteger();

  private void readThenStore(Change duringTheRead) {
    MockServerHttpRequest request = MockServerHttpRequest.get(PATH).build();
    long mark = cache.mark();
    if (duringTheRead != null) {
      changes.publish(duringTheRead);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    var answer =
        new ResponseCache.Stored(
            ResponseCache.key(request),
            mark,
            200,
            "{\"items\":[]}".getBytes(StandardCharsets.UTF_8),
            headers,
            "/api/v2/games/{game}/leaderboard",
            new CacheDependencies(Set.of("score", "player", "game"), 1, false));
    cache.store(answer, request, new MockServerHttpResponse()).block();
  }

  /** Whether the next request is answered from memory (else it reaches the handlers). */
  private boolean cached() {
    int before = handled.get();
    cache
        .answer(
            MockServerHttpRequest.get(PATH).build(),
            new MockServerHttpResponse(),
            RequestRecord.start(MockServerHttpRequest.get(PATH).build()),
            () -> Mono.fromRunnable(handled::incrementAndGet))
        .block();
    return handled.get() == before;
  }

  @Test
  void anAnswerReadBeforeATouchingChangeIsNotKept() {
    readThenStore(new Change("score", Set.of(1)));
    assertThat(cached()).isFalse();
  }

  @Test
  void anAnswerReadBeforeAnotherGamesChangeIsKept() {
    readThenStore(new Change("score", Set.of(2)));
    assertThat(cached()).isTrue();
  }

  /**
   * Four times a second the drain's changes evict every leaderboard: the requests that arrive while
   * one reads it again get the previous answer instead of all waiting on the database (the mixed
   * run's tail, doc/benchmarks.md).
   */
  @Test
  void whileOneRequestReadsAgainAfterAChangeTheOthersGetThePreviousAnswer() {
    readThenStore(null);
    changes.publish(new Change("score", Set.of(1)));
    Sinks.Empty<Void> reading = Sinks.empty();
    MockServerHttpRequest request = MockServerHttpRequest.get(PATH).build();
    cache
        .answer(
            request,
            new MockServerHttpResponse(),
            RequestRecord.start(request),
            () ->
                Mono.defer(
                    () -> {
                      handled.incrementAndGet();
                      return reading.asMono();
                    }))
        .subscribe();
    assertThat(handled.get()).isEqualTo(1);

    assertThat(cached()).isTrue();
    reading.tryEmitEmpty(); // this read stored nothing: the next request reads again
    assertThat(cached()).isFalse();
  }

  @Test
  void aChangeAfterTheStoreEvicts() {
    readThenStore(null);
    assertThat(cached()).isTrue();
    changes.publish(new Change("player", Set.of()));
    assertThat(cached()).isFalse();
  }
}
