package io.catscores.api.scores;

import io.catscores.api.web.PageRequest;
import io.catscores.common.Redact;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One game's top {@value LeaderboardStreams#MAX_TOP}, shared by every stream of the game: one query
 * per change (coalesced: at most one every {@code minGap}, and one more if data changed while it
 * ran), however many clients watch. Nobody watching, a change only marks it stale.
 */
final class LiveBoard {

  private static final Logger log = LoggerFactory.getLogger(LiveBoard.class);
  private static final PageRequest TOP = new PageRequest(1, LeaderboardStreams.MAX_TOP);

  private final ScoreViews.Game game;
  private final ScoreRepository scores;
  private final Duration minGap;

  /** Every read, numbered, changed or not: a watcher who came while it was stale waits for one. */
  private record Read(long number, ScoreViews.Top top) {}

  private final Sinks.Many<Read> latest = Sinks.many().replay().latest();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicInteger watchers = new AtomicInteger();
  private volatile boolean stale = true;
  private volatile long lastRead;
  private volatile ScoreViews.Top current;
  private long reads;

  LiveBoard(ScoreViews.Game game, ScoreRepository scores, Duration minGap) {
    this.game = game;
    this.scores = scores;
    this.minGap = minGap;
  }

  ScoreViews.Game game() {
    return game;
  }

  /** The current top at once (never one older than a change), then each new one. */
  Flux<ScoreViews.Top> tops() {
    return Flux.defer(
        () -> {
          watchers.incrementAndGet();
          long after;
          synchronized (this) {
            after = stale ? reads : -1;
          }
          if (after >= 0) {
            changed();
          }
          return latest
              .asFlux()
              .filter(read -> read.number() > after)
              .map(Read::top)
              .distinctUntilChanged(ScoreViews.Top::version)
              .doFinally(signal -> watchers.decrementAndGet());
        });
  }

  /** The game's scores (or players) changed: read again soon, if anyone watches. */
  void changed() {
    stale = true;
    if (watchers.get() == 0 || !scheduled.compareAndSet(false, true)) {
      return; // nobody to tell, or a read is due and will see this change
    }
    long wait = Math.max(0, lastRead + minGap.toNanos() - System.nanoTime());
    Mono.delay(Duration.ofNanos(wait)).then(Mono.defer(this::read)).subscribe();
  }

  private Mono<Void> read() {
    scheduled.set(false); // from here on, a change schedules another read
    stale = false;
    lastRead = System.nanoTime();
    return scores
        .top(game.id(), ScoreOrder.BEST, TOP)
        .collectList()
        .doOnNext(this::publish)
        .onErrorResume(
            e -> {
              log.warn(
                  "Could not read {}'s live top: {}",
                  game.name(),
                  Redact.credentials(e.toString()));
              Mono.delay(Duration.ofSeconds(1)).subscribe(t -> changed());
              stale = true;
              return Mono.empty();
            })
        .then();
  }

  private synchronized void publish(List<ScoreViews.Entry> entries) {
    ScoreViews.Top top = current;
    if (top == null || !top.entries().equals(entries)) { // else a change outside the top 100
      top = new ScoreViews.Top(game, top == null ? 1 : top.version() + 1, entries);
      current = top;
    }
    latest.tryEmitNext(new Read(++reads, top));
  }
}
