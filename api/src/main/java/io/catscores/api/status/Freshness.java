package io.catscores.api.status;

import io.catscores.api.changes.Changes;
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
 * once a second, whatever the request rate (the response cache keeps the header with the answer),
 * and again as soon as any data change is heard.
 */
@Component
class Freshness {

  private static final Duration REREAD = Duration.ofSeconds(1);

  private final Memo catalogue;
  private final Memo scores;

  Freshness(DatabaseClient db, Changes changes) {
    this.catalogue =
        new Memo(
            changes,
            db.sql("SELECT max(finished_at) AS at FROM sync_run WHERE outcome = 'succeeded'")
                .map(row -> instant(row.get("at", OffsetDateTime.class)))
                .one());
    // The newest first_seen_at of each game through score_recent_idx, not a scan of the table.
    this.scores =
        new Memo(
            changes,
            db.sql(
                    "SELECT max((SELECT s.first_seen_at FROM score s WHERE s.game_id = g.id"
                        + " ORDER BY s.first_seen_at DESC LIMIT 1)) AS at FROM game g")
                .map(row -> instant(row.get("at", OffsetDateTime.class)))
                .one());
  }

  /** Read once at start-up, so the first answers do not wait for it. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    catalogue.get().onErrorResume(e -> Mono.empty()).subscribe();
    scores.get().onErrorResume(e -> Mono.empty()).subscribe();
  }

  /** When the catalogue last changed or was confirmed; empty before the first successful sync. */
  Mono<Instant> catalogue() {
    return catalogue.get();
  }

  /** When the newest stored score was first seen; empty with no score. */
  Mono<Instant> scores() {
    return scores.get();
  }

  /** A query's last answer, read again after a second or after any change was published. */
  private static final class Memo {
    private final Changes changes;
    private final Mono<Instant> query;
    private volatile Read last;

    private record Read(Mono<Instant> answer, long sequence) {}

    Memo(Changes changes, Mono<Instant> query) {
      this.changes = changes;
      this.query = query.filter(at -> !at.equals(Instant.EPOCH));
      this.last = read(changes.sequence());
    }

    Mono<Instant> get() {
      long sequence = changes.sequence(); // before the read: a later change makes the next re-read
      Read read = last;
      if (read.sequence() != sequence) {
        read = read(sequence);
        last = read;
      }
      return read.answer();
    }

    private Read read(long sequence) {
      return new Read(query.cache(value -> REREAD, error -> Duration.ZERO, () -> REREAD), sequence);
    }
  }

  /** EPOCH stands for "none" inside the query's mapping, which may not return null. */
  private static Instant instant(OffsetDateTime value) {
    return value == null ? Instant.EPOCH : value.toInstant();
  }
}
