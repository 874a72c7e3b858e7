package io.catscores.api.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How fresh the local copy is, for {@code Last-Modified}: the catalogue changed or was confirmed by
 * the last successful sync of any source; the scores by the newest stored score. Each read at most
 * once a second, whatever the request rate (the response cache keeps the header with the answer).
 */
@Component
class Freshness {

  private static final Duration REREAD = Duration.ofSeconds(1);

  private final Mono<Instant> catalogue;
  private final Mono<Instant> scores;

  Freshness(DatabaseClient db) {
    this.catalogue =
        cached(
            db.sql("SELECT max(finished_at) AS at FROM sync_run WHERE outcome = 'succeeded'")
                .map(row -> instant(row.get("at", OffsetDateTime.class)))
                .one());
    // The newest first_seen_at of each game through score_recent_idx, not a scan of the table.
    this.scores =
        cached(
            db.sql(
                    "SELECT max((SELECT s.first_seen_at FROM score s WHERE s.game_id = g.id"
                        + " ORDER BY s.first_seen_at DESC LIMIT 1)) AS at FROM game g")
                .map(row -> instant(row.get("at", OffsetDateTime.class)))
                .one());
  }

  /** Read once at start-up, so the first answers do not wait for it. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    catalogue.onErrorResume(e -> Mono.empty()).subscribe();
    scores.onErrorResume(e -> Mono.empty()).subscribe();
  }

  /** When the catalogue last changed or was confirmed; empty before the first successful sync. */
  Mono<Instant> catalogue() {
    return catalogue;
  }

  /** When the newest stored score was first seen; empty with no score. */
  Mono<Instant> scores() {
    return scores;
  }

  private static Mono<Instant> cached(Mono<Instant> query) {
    return query
        .filter(at -> !at.equals(Instant.EPOCH))
        .cache(value -> REREAD, error -> Duration.ZERO, () -> REREAD);
  }

  /** EPOCH stands for "none" inside the query's mapping, which may not return null. */
  private static Instant instant(OffsetDateTime value) {
    return value == null ? Instant.EPOCH : value.toInstant();
  }
}
