package io.catscores.syncronizer.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The run history operators read through the control API (table sync_run). */
@Repository
public class SyncRuns {

  private static final int MAX_ERROR = 2_000;
  private static final RowMapper<Run> RUN =
      (row, n) ->
          new Run(
              row.getLong("id"),
              row.getString("job"),
              row.getString("source"),
              row.getString("instance"),
              row.getTimestamp("started_at").toInstant(),
              instant(row.getTimestamp("finished_at")),
              row.getString("outcome"),
              row.getInt("inserted"),
              row.getInt("updated"),
              row.getInt("removed"),
              row.getInt("rejected"),
              row.getString("error"));

  private final JdbcTemplate jdbc;

  SyncRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One recorded run; {@code finishedAt} is null while it runs.
   *
   * @param instance the Quartz instance id of the syncronizer that performed it
   */
  public record Run(
      long id,
      String job,
      String source,
      String instance,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      int inserted,
      int updated,
      int removed,
      int rejected,
      String error) {}

  /** What a finished run wrote and refused. */
  public record Counts(int inserted, int updated, int removed, int rejected) {}

  public long start(String job, String source, String instance) {
    return jdbc.queryForObject(
        "INSERT INTO sync_run (job, source, instance) VALUES (?, ?, ?) RETURNING id",
        Long.class,
        job,
        source,
        instance);
  }

  public void finish(long id, String outcome, Counts counts, String error) {
    jdbc.update(
        """
        UPDATE sync_run SET finished_at = now(), outcome = ?, inserted = ?, updated = ?,
               removed = ?, rejected = ?, error = ?
        WHERE id = ?
        """,
        outcome,
        counts.inserted(),
        counts.updated(),
        counts.removed(),
        counts.rejected(),
        error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR),
        id);
  }

  /** Newest first; {@code job} null for every job. */
  public List<Run> recent(String job, int limit) {
    if (job == null) {
      return jdbc.query("SELECT * FROM sync_run ORDER BY id DESC LIMIT ?", RUN, limit);
    }
    return jdbc.query(
        "SELECT * FROM sync_run WHERE job = ? ORDER BY id DESC LIMIT ?", RUN, job, limit);
  }

  /**
   * Closes as failed every other 'running' run of {@code job}: called by a run that holds the job's
   * cluster-wide lock ({@code ExclusiveRuns}), so no other run of the job can be in progress; those
   * rows belong to runs whose end could not be recorded (database unreachable, instance killed).
   */
  public int failInterrupted(String job, long currentRun) {
    return jdbc.update(
        "UPDATE sync_run SET outcome = 'failed', finished_at = now(), error = ?"
            + " WHERE job = ? AND outcome = 'running' AND id <> ?",
        "interrupted: the run ended without recording its outcome (database unreachable or"
            + " instance stopped); its writes were all-or-nothing per entity set",
        job,
        currentRun);
  }

  /** A run that was still 'running' when its instance died is closed as failed at start-up. */
  public int failAbandoned(String reason) {
    return jdbc.update(
        "UPDATE sync_run SET outcome = 'failed', finished_at = now(), error = ?"
            + " WHERE outcome = 'running' AND started_at < now() - interval '1 hour'",
        reason);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
