package io.catscores.syncronizer.scores;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the queue's state as the drain last saw it to {@code queue_status}: the api reports it in
 * /api/v2/status (it has no Redis connection of its own). Best effort: a failed write is logged at
 * DEBUG and retried with the next drain run.
 */
@Repository
class QueueStatus {

  private static final Logger log = LoggerFactory.getLogger(QueueStatus.class);

  private final JdbcTemplate jdbc;

  QueueStatus(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(ScoreStream.QueueState state, Instant observedAt) {
    try {
      jdbc.update(
          """
          INSERT INTO queue_status (observed_at, stream_length, pending, oldest_undelivered,
                                    oldest_pending) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (singleton) DO UPDATE SET observed_at = excluded.observed_at,
              stream_length = excluded.stream_length, pending = excluded.pending,
              oldest_undelivered = excluded.oldest_undelivered,
              oldest_pending = excluded.oldest_pending
          """,
          Timestamp.from(observedAt),
          state.length(),
          state.pending(),
          timestamp(state.oldestUndelivered()),
          timestamp(state.oldestPending()));
    } catch (DataAccessException e) {
      log.debug("Could not record the queue status: {}", e.getMessage());
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
