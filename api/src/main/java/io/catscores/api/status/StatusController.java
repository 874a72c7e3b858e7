package io.catscores.api.status;

import io.catscores.api.edge.CacheDependencies;
import io.catscores.api.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** How old the local copy is, per source: what a consumer needs to trust it (StatusIT). */
@RestController
@Tag(name = "status", description = "How fresh the local copy of each source is")
class StatusController {

  private static final Duration MIN_DRAIN_SILENCE = Duration.ofSeconds(30);
  private static final double MAX_LAG_SECONDS = 60;

  private final StatusRepository status;
  private final Freshness freshness;
  private final Clock clock = Clock.systemUTC();

  StatusController(StatusRepository status, Freshness freshness) {
    this.status = status;
    this.freshness = freshness;
  }

  @GetMapping("/api/v2/status")
  @Operation(
      summary = "Freshness of every source",
      description =
          "Per catalogue source the last successful sync, its age, the last run's outcome and the"
              + " schedule; for the scores the newest stored score and the queue as the drain last"
              + " saw it. `stale` is true when a source is older than two of its intervals.")
  Mono<StatusViews.Status> status(@Parameter(hidden = true) ServerWebExchange exchange) {
    // Ages and the schedule move with the clock, not with any notified change.
    CacheDependencies.declareVolatile(exchange, "sync_run", "queue_status", "score");
    QueryParameters.of(exchange, Set.of());
    Instant now = clock.instant();
    Mono<List<StatusViews.Source>> catalogue =
        status
            .catalogueJobs()
            .filter(job -> job.source() != null)
            .map(j -> source(j, now))
            .collectList();
    Mono<StatusViews.Scores> scores =
        Mono.zip(
                freshness.scores().map(Optional::of).defaultIfEmpty(Optional.empty()),
                status.queue().map(Optional::of).defaultIfEmpty(Optional.empty()),
                status.drainInterval().map(Optional::of).defaultIfEmpty(Optional.empty()))
            .map(t -> scores(t.getT1(), t.getT2(), t.getT3(), now));
    return Mono.zip(catalogue, scores)
        .map(
            t ->
                new StatusViews.Status(
                    t.getT2().stale() || t.getT1().stream().anyMatch(StatusViews.Source::stale),
                    t.getT1(),
                    t.getT2()));
  }

  private static StatusViews.Source source(StatusRepository.Job job, Instant now) {
    Long age =
        job.lastSuccessAt() == null ? null : Duration.between(job.lastSuccessAt(), now).toSeconds();
    boolean stale =
        job.interval() != null && (age == null || age > job.interval().multipliedBy(2).toSeconds());
    return new StatusViews.Source(
        job.source(),
        job.job(),
        job.lastSuccessAt(),
        age,
        job.lastOutcome(),
        job.lastRunAt(),
        job.interval() == null ? null : job.interval().toString(),
        job.cron(),
        stale);
  }

  private static StatusViews.Scores scores(
      Optional<Instant> newest,
      Optional<StatusRepository.QueueRow> row,
      Optional<Duration> interval,
      Instant now) {
    StatusViews.Queue queue =
        row.map(
                r ->
                    new StatusViews.Queue(
                        r.observedAt(),
                        r.length(),
                        r.pending(),
                        r.oldestUndelivered() == null
                            ? 0
                            : Duration.between(r.oldestUndelivered(), r.observedAt()).toMillis()
                                / 1000.0))
            .orElse(null);
    Duration silence =
        interval
            .map(i -> i.multipliedBy(2))
            .filter(d -> d.compareTo(MIN_DRAIN_SILENCE) > 0)
            .orElse(MIN_DRAIN_SILENCE);
    boolean stale =
        queue == null
            ? interval.isPresent() // scheduled, yet never reported
            : Duration.between(queue.observedAt(), now).compareTo(silence) > 0
                || queue.lagSeconds() > MAX_LAG_SECONDS;
    return new StatusViews.Scores(newest.orElse(null), queue, stale);
  }
}
