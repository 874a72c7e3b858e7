package io.catscores.api.status;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sync history, the schedules (Quartz's tables) and the queue status the drain writes. */
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
             st.repeat_interval, ct.cron_expression, t.prev_fire_time, t.next_fire_time
      FROM (SELECT DISTINCT ON (job) * FROM sync_run ORDER BY job, id DESC) r
      LEFT JOIN qrtz_triggers t ON t.job_name = r.job
      LEFT JOIN qrtz_simple_triggers st ON st.sched_name = t.sched_name
           AND st.trigger_name = t.trigger_name AND st.trigger_group = t.trigger_group
      LEFT JOIN qrtz_cron_triggers ct ON ct.sched_name = t.sched_name
           AND ct.trigger_name = t.trigger_name AND ct.trigger_group = t.trigger_group
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
            "SELECT st.repeat_interval FROM qrtz_triggers t JOIN qrtz_simple_triggers st"
                + " ON st.sched_name = t.sched_name AND st.trigger_name = t.trigger_name"
                + " AND st.trigger_group = t.trigger_group WHERE t.job_name = 'score-drain'"
                + " LIMIT 1")
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
