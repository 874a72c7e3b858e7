package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.changes.Change;
import io.catscores.api.changes.Changes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
  private static final String OLD = "{\"items\":[]}";
  private static final String NEW = "{\"items\":[{\"score\":900}]}";
  private static final Duration REFRESH_WAIT = Duration.ofMillis(200);

  private final ResponseCache cache =
      new ResponseCache(
          new ApiCacheProperties(
              Duration.ofMinutes(10),
              Duration.ofMinutes(10),
              Duration.ofMinutes(10),
              1 << 20,
              REFRESH_WAIT),
          changes,
          new SimpleMeterRegistry());
  private final AtomicInteger handled = new AtomicInteger();

  private void readThenStore(Change duringTheRead) {
    long mark = cache.mark();
    if (duringTheRead != null) {
      changes.publish(duringTheRead);
    }
    store(mark, OLD, new MockServerHttpResponse()).block();
  }

  /** What ResponseCacheFilter does with a leaderboard the handlers read after {@code mark}. */
  private Mono<Void> store(long mark, String body, ServerHttpResponse response) {
    MockServerHttpRequest request = MockServerHttpRequest.get(PATH).build();
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    var answer =
        new ResponseCache.Stored(
            CacheKey.of(request),
            mark,
            200,
            body.getBytes(StandardCharsets.UTF_8),
            headers,
            "/api/v2/games/{game}/leaderboard",
            new CacheDependencies(Set.of("score", "player", "game"), 1, false));
    return cache.store(answer, request, response);
  }

  /** A request whose handlers read the new leaderboard once {@code read} completes. */
  private Mono<String> request(Mono<Void> read) {
    MockServerHttpRequest request = MockServerHttpRequest.get(PATH).build();
    MockServerHttpResponse response = new MockServerHttpResponse();
    return cache
        .answer(
            request,
            response,
            RequestRecord.start(request),
            target -> {
              handled.incrementAndGet();
              long mark = cache.mark();
              return read.then(Mono.defer(() -> store(mark, NEW, target)));
            })
        .then(Mono.defer(response::getBodyAsString));
  }

  /** Whether the next request is answered from memory (else it reaches the handlers). */
  private boolean cached() {
    int before = handled.get();
    cache
        .answer(
            MockServerHttpRequest.get(PATH).build(),
            new MockServerHttpResponse(),
            RequestRecord.start(MockServerHttpRequest.get(PATH).build()),
            target -> Mono.fromRunnable(handled::incrementAndGet))
        .block();
    return handled.get() == before;
  }

  @Test
  void anAnswerReadBeforeATouchingChangeIsNotKeptFresh() {
    readThenStore(new Change("score", Set.of(1)));
    assertThat(cached()).isFalse();
  }

  /**
   * A change during the read of an answer nobody has yet (a cold board, or every answer after the
   * listener reconnects): the requests waiting for that read get its answer instead of each reading
   * again (the stampede CI once saw in QueriesPerRequestIT), and the next request reads again.
   */
  @Test
  void requestsWaitingForAReadAChangeTouchedGetItsAnswer() {
    Sinks.Empty<Void> reading = Sinks.empty();
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      answers.add(request(reading.asMono()).toFuture());
    }
    assertThat(handled.get()).isEqualTo(1);
    changes.publish(new Change("score", Set.of(1)));
    reading.tryEmitEmpty();

    for (CompletableFuture<String> answer : answers) {
      assertThat(answer.orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo(NEW);
    }
    assertThat(handled.get()).isEqualTo(1);
    assertThat(cached()).isFalse();
  }

  /** A slow read a change touched leaves the newer answer a later read stored. */
  @Test
  void aTouchedReadDoesNotReplaceANewerAnswer() {
    long mark = cache.mark();
    changes.publish(new Change("score", Set.of(1)));
    store(cache.mark(), NEW, new MockServerHttpResponse()).block();
    store(mark, OLD, new MockServerHttpResponse()).block();
    assertThat(request(Mono.empty()).block(Duration.ofSeconds(5))).isEqualTo(NEW);
    assertThat(handled.get()).isZero();
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
            target ->
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

  /**
   * A client polling on its own sees a change at once: the request that reads again gets the new
   * answer when the read takes less than the refresh wait.
   */
  @Test
  void aReadWithinTheRefreshWaitAnswersTheNewData() {
    readThenStore(null);
    changes.publish(new Change("score", Set.of(1)));
    assertThat(request(Mono.empty()).block(Duration.ofSeconds(5))).isEqualTo(NEW);
  }

  /**
   * A read slowed by a busy database holds up no client: the request that started it gets the
   * previous answer after the refresh wait, and the read, when it ends, stores the new one for the
   * requests after it (the mixed run's score-route tail, doc/benchmarks.md).
   */
  @Test
  void aReadSlowerThanTheRefreshWaitAnswersThePreviousOneAndStoresTheNewOneLater() {
    readThenStore(null);
    changes.publish(new Change("score", Set.of(1)));
    Sinks.Empty<Void> reading = Sinks.empty();
    long start = System.nanoTime();
    assertThat(request(reading.asMono()).block(Duration.ofSeconds(5))).isEqualTo(OLD);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(handled.get()).isEqualTo(1);

    reading.tryEmitEmpty();
    assertThat(request(Mono.empty()).block(Duration.ofSeconds(5))).isEqualTo(NEW);
    assertThat(handled.get()).isEqualTo(1); // answered from memory
  }

  /** A read that fails (PostgreSQL down, say) leaves the previous answer; the next one reads. */
  @Test
  void aFailedReadAnswersThePreviousAnswerAndTheNextRequestReadsAgain() {
    readThenStore(null);
    changes.publish(new Change("score", Set.of(1)));
    Mono<Void> failing = Mono.error(new IllegalStateException("the database is down"));
    assertThat(request(failing).block(Duration.ofSeconds(5))).isEqualTo(OLD);
    assertThat(request(Mono.empty()).block(Duration.ofSeconds(5))).isEqualTo(NEW);
    assertThat(handled.get()).isEqualTo(2);
  }

  @Test
  void aChangeAfterTheStoreEvicts() {
    readThenStore(null);
    assertThat(cached()).isTrue();
    changes.publish(new Change("player", Set.of()));
    assertThat(cached()).isFalse();
  }
}
