package io.catscores.api.status;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sync history, the schedules (job_schedule over Quartz's tables) and the queue status. */
@Repository
class StatusRepository {

  /** A job's last run, its last success and its schedule. */
  record Job(
      String job,
      String source,
      String lastOutcome,
      Instant lastRunAt,
      Instant lastSuccessAt,
      Duration interval,
      String cron) {}

  record QueueRow(Instant observedAt, long length, long pending, Instant oldestUndelivered) {}

  private static final String JOBS =
      """
      SELECT r.job, r.source, r.outcome, r.started_at,
             (SELECT max(s.finished_at) FROM sync_run s
               WHERE s.job = r.job AND s.outcome = 'succeeded') AS last_success,
             j.repeat_interval, j.cron_expression, j.prev_fire_time, j.next_fire_time
      FROM (SELECT DISTINCT ON (job) * FROM sync_run ORDER BY job, id DESC) r
      LEFT JOIN job_schedule j ON j.job_name = r.job
      ORDER BY r.job
      """;

  private final DatabaseClient db;

  StatusRepository(DatabaseClient db) {
    this.db = db;
  }

  Flux<Job> catalogueJobs() {
    return db.sql(JOBS).map(StatusRepository::job).all();
  }

  /** The score drain's interval, from its trigger; empty when not scheduled. */
  Mono<Duration> drainInterval() {
    return db.sql(
            "SELECT repeat_interval FROM job_schedule WHERE job_name = 'score-drain'"
                + " AND repeat_interval IS NOT NULL LIMIT 1")
        .map(row -> Duration.ofMillis(row.get(0, Long.class)))
        .one();
  }

  Mono<QueueRow> queue() {
    return db.sql(
            "SELECT observed_at, stream_length, pending, oldest_undelivered FROM queue_status")
        .map(
            row ->
                new QueueRow(
                    instant(row, "observed_at"),
                    row.get("stream_length", Long.class),
                    row.get("pending", Long.class),
                    instant(row, "oldest_undelivered")))
        .one();
  }

  private static Job job(Readable row) {
    Long repeat = row.get("repeat_interval", Long.class);
    Long prev = row.get("prev_fire_time", Long.class);
    Long next = row.get("next_fire_time", Long.class);
    String cron = row.get("cron_expression", String.class);
    Duration interval =
        repeat != null && repeat > 0
            ? Duration.ofMillis(repeat)
            : cron != null && prev != null && next != null && prev > 0 && next > prev
                ? Duration.ofMillis(next - prev)
                : null;
    return new Job(
        row.get("job", String.class),
        row.get("source", String.class),
        row.get("outcome", String.class),
        instant(row, "started_at"),
        instant(row, "last_success"),
        interval,
        cron);
  }

  private static Instant instant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
