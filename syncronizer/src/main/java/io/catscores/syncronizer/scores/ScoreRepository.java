package io.catscores.syncronizer.scores;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Writes a whole batch of scores in one transaction; repeats of a known score are no-ops. The batch
 * is COPYed straight into {@code score}: almost every batch is all new, and then that is the whole
 * cost of a raw {@code \copy} (doc/benchmarks.md, "Drain"). A batch with a repeat (the
 * at-least-once stream's redeliveries, the badge's resent high scores) fails that COPY on the
 * natural key; it is rolled back to a savepoint and COPYed into a temporary table instead, then
 * moved with one INSERT … ON CONFLICT DO NOTHING (ScoreRepositoryIT). After a repeat, the next
 * {@value #STAGED_AFTER_REPEAT} batches go through the temporary table at once, so a redelivery
 * burst does not pay for two COPYs per batch.
 */
@Repository
class ScoreRepository {

  private static final String COLUMNS =
      "player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id";

  static final int STAGED_AFTER_REPEAT = 16;
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String COPY_NEW = "COPY score (" + COLUMNS + ") FROM STDIN";
  // Per connection, kept for its life; emptied by every commit.
  private static final String STAGE =
      "CREATE TEMPORARY TABLE IF NOT EXISTS score_batch (LIKE score) ON COMMIT DELETE ROWS";
  private static final String COPY = "COPY score_batch (" + COLUMNS + ") FROM STDIN";
  private static final String MOVE =
      "INSERT INTO score ("
          + COLUMNS
          + ") SELECT "
          + COLUMNS
          + " FROM score_batch ON CONFLICT ON CONSTRAINT score_natural_key DO NOTHING";

  // Each player's public id, written with their scores (the api shows only this id).
  private static final String PLAYERS =
      """
      INSERT INTO player (player_uuid, player_id)
      SELECT * FROM unnest(?::uuid[], ?::text[])
      ON CONFLICT (player_uuid) DO UPDATE SET player_id = EXCLUDED.player_id
        WHERE player.player_id IS NULL
      """;

  private final DataSource dataSource;
  private final PlayerIds playerIds;
  private final DrainMetrics metrics;
  private final AtomicInteger stagedBatchesLeft = new AtomicInteger();

  ScoreRepository(DataSource dataSource, PlayerIds playerIds, DrainMetrics metrics) {
    this.dataSource = dataSource;
    this.playerIds = playerIds;
    this.metrics = metrics;
  }

  /** A score as read from the stream entry {@code entryId}, first seen at {@code seenAt}. */
  record Row(
      UUID player,
      String macAddress,
      short gameId,
      long score,
      long duration,
      Instant seenAt,
      String entryId) {}

  /**
   * Inserts the rows that are new and returns how many were; commits before returning, so the
   * caller may acknowledge the stream entries afterwards.
   */
  int insertNew(List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    boolean autoCommit = connection.getAutoCommit();
    try {
      connection.setAutoCommit(false);
      insertPlayers(connection, rows);
      byte[] text = CopyText.of(rows);
      int inserted = copyNew(connection, text, rows.size());
      boolean staged = inserted < 0;
      if (staged) {
        inserted = staged(connection, text);
      }
      connection.commit();
      metrics.batchWritten(staged ? "staged" : "copy");
      return inserted;
    } catch (SQLException | RuntimeException e) {
      rollBack(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** COPYs the batch straight into score; -1 (and nothing written) if a row was already there. */
  private int copyNew(Connection connection, byte[] text, int rows) throws SQLException {
    if (stagedBatchesLeft.get() > 0 && stagedBatchesLeft.getAndDecrement() > 0) {
      return -1;
    }
    Savepoint beforeCopy = connection.setSavepoint();
    try {
      copy(connection, COPY_NEW, text);
      connection.releaseSavepoint(beforeCopy);
      return rows;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(beforeCopy);
      stagedBatchesLeft.set(STAGED_AFTER_REPEAT);
      return -1;
    }
  }

  /** Through the temporary table: returns how many rows were new. */
  private static int staged(Connection connection, byte[] text) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(STAGE);
      copy(connection, COPY, text);
      return statement.executeUpdate(MOVE);
    }
  }

  private static void copy(Connection connection, String sql, byte[] text) throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      copy.writeToCopy(text, 0, text.length);
      copy.endCopy();
    } catch (SQLException | RuntimeException e) {
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException cancel) {
          e.addSuppressed(cancel);
        }
      }
      throw e;
    }
  }

  private static void rollBack(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** In uuid order, so concurrent writers take the player rows' locks in the same order. */
  private void insertPlayers(Connection connection, List<Row> rows) throws SQLException {
    Object[] players = rows.stream().map(Row::player).distinct().sorted().toArray();
    Object[] ids = new Object[players.length];
    for (int i = 0; i < players.length; i++) {
      ids[i] = playerIds.of((UUID) players[i]);
    }
    try (PreparedStatement insert = connection.prepareStatement(PLAYERS)) {
      insert.setArray(1, connection.createArrayOf("uuid", players));
      insert.setArray(2, connection.createArrayOf("text", ids));
      insert.executeUpdate();
    }
  }
}
