package io.catscores.api.scores;

import io.catscores.api.changes.Change;
import io.catscores.api.changes.ChangeProperties;
import io.catscores.api.changes.Changes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.ObjectMapper;

/**
 * The live leaderboards: one {@link LiveBoard} per game, re-read when a change to its scores or to
 * the players is heard (or every {@code api.changes.poll-interval} when not listening), fanned out
 * to every stream (LeaderboardStreamIT). Streams end when the api stops, so a graceful shutdown
 * does not wait for them; clients reconnect (to another replica) by themselves.
 */
@Component
class LeaderboardStreams implements SmartLifecycle {

  static final int MAX_TOP = 100;
  static final int DEFAULT_TOP = 10;
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Duration MIN_GAP = Duration.ofMillis(250);

  private final Mono<Map<Integer, LiveBoard>> boards;
  private final ChangeProperties properties;
  private final AtomicInteger open = new AtomicInteger();
  private final Counter events;
  private final Sinks.Empty<Void> closing = Sinks.empty();
  private final EventFrames frames;
  private volatile Map<Integer, LiveBoard> loaded = Map.of();
  private volatile boolean running;
  private Disposable polling;

  LeaderboardStreams(
      ScoreRepository scores,
      Changes changes,
      ChangeProperties properties,
      ObjectMapper json,
      MeterRegistry meters) {
    this.properties = properties;
    this.frames = new EventFrames(json);
    this.boards =
        scores
            .games()
            .collectMap(
                ScoreViews.Game::id, game -> new LiveBoard(game, scores, MIN_GAP), TreeMap::new)
            .<Map<Integer, LiveBoard>>map(Collections::unmodifiableMap)
            .doOnNext(found -> loaded = found)
            .cache(found -> Duration.ofDays(365), error -> Duration.ZERO, () -> Duration.ZERO);
    meters.gauge("api.streams.open", open);
    this.events =
        Counter.builder("api.stream.events.sent")
            .description("Leaderboard events sent on live streams (heartbeats not counted)")
            .register(meters);
    changes.subscribe(this::changed);
  }

  private void changed(Change change) {
    for (LiveBoard board : loaded.values()) {
      if (change.touches("score", board.game().id()) || change.touches("player", null)) {
        board.changed();
      }
    }
  }

  /** The game by id, name or abbreviation, case-insensitively; empty when there is none. */
  Mono<LiveBoard> board(String key) {
    String wanted = key.toLowerCase(Locale.ROOT);
    return boards.flatMap(
        all ->
            Mono.justOrEmpty(
                all.values().stream()
                    .filter(
                        b ->
                            Integer.toString(b.game().id()).equals(wanted)
                                || b.game().name().toLowerCase(Locale.ROOT).equals(wanted)
                                || b.game().abbreviation().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst()));
  }

  /** Every game's board, in game order. */
  Mono<List<LiveBoard>> all() {
    return boards.map(all -> List.copyOf(all.values()));
  }

  /**
   * The boards' top {@code top} as server-sent events: each board's current one at once, then one
   * whenever it changes; a heartbeat comment every 15 s.
   */
  Flux<DataBuffer> stream(List<LiveBoard> watched, int top) {
    if (!running) {
      return Flux.empty(); // stopping: the client reconnects elsewhere
    }
    Flux<DataBuffer> tops =
        Flux.merge(
                watched.stream()
                    .map(board -> board.tops().map(cut(top)).distinctUntilChanged(t -> t.entries()))
                    .toList())
            .map(frames::leaderboard)
            .doOnNext(event -> events.increment());
    Flux<DataBuffer> heartbeats =
        Flux.interval(HEARTBEAT).onBackpressureDrop().map(tick -> frames.heartbeat());
    return Flux.merge(tops, heartbeats)
        .takeUntilOther(closing.asMono())
        .doOnSubscribe(subscription -> open.incrementAndGet())
        .doFinally(signal -> open.decrementAndGet());
  }

  private static Function<ScoreViews.Top, ScoreViews.Top> cut(int top) {
    return t ->
        t.entries().size() <= top
            ? t
            : new ScoreViews.Top(t.game(), t.version(), t.entries().subList(0, top));
  }

  @Override
  public void start() {
    running = true;
    if (!properties.listen()) {
      polling =
          Flux.interval(properties.pollInterval()).subscribe(tick -> changed(Change.EVERYTHING));
    }
  }

  @Override
  public void stop() {
    running = false;
    closing.tryEmitEmpty();
    if (polling != null) {
      polling.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
