package io.catscores.syncronizer.scores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Writes a whole batch of scores in one transaction; repeats of a known score are no-ops. The batch
 * is COPYed (binary format, {@link CopyBinary}) into a temporary table (no index, no WAL), then
 * moved with one INSERT … ON CONFLICT DO NOTHING: no per-value array encoding on either side, which
 * was the drain's largest CPU cost (doc/benchmarks.md, "Drain"), and the at-least-once stream's
 * repeats and the badge's resent high scores stay no-ops (ScoreRepositoryIT).
 */
@Repository
class ScoreRepository {

  private static final String COLUMNS =
      "player_uuid, mac_address, game_id, score, duration, first_seen_at, stream_entry_id";

  // Per connection, kept for its life; emptied by every commit.
  private static final String STAGE =
      "CREATE TEMPORARY TABLE IF NOT EXISTS score_batch (LIKE score) ON COMMIT DELETE ROWS";
  private static final String COPY =
      "COPY score_batch (" + COLUMNS + ") FROM STDIN (FORMAT binary)";
  private static final String MOVE =
      "INSERT INTO score ("
          + COLUMNS
          + ") SELECT "
          + COLUMNS
          + " FROM score_batch ON CONFLICT ON CONSTRAINT score_natural_key DO NOTHING";

  // Each player's public id, written with their scores (the api shows only this id). A player
  // who has one already is left out before the upsert: ON CONFLICT DO UPDATE locks the row even
  // when its WHERE is false, and two writers whose batches share the same badges (a conference's
  // few thousand, each sending again and again) then waited on each other's commits
  // (doc/benchmarks.md, "Drain", PLAYERS=2000; ScoreRepositoryIT).
  private static final String PLAYERS =
      """
      INSERT INTO player (player_uuid, player_id)
      SELECT n.u, n.i FROM unnest(?::uuid[], ?::text[]) AS n (u, i)
      WHERE NOT EXISTS
        (SELECT 1 FROM player p WHERE p.player_uuid = n.u AND p.player_id IS NOT NULL)
      ON CONFLICT (player_uuid) DO UPDATE SET player_id = EXCLUDED.player_id
        WHERE player.player_id IS NULL
      """;

  private final DataSource dataSource;
  private final PlayerIds playerIds;

  ScoreRepository(DataSource dataSource, PlayerIds playerIds) {
    this.dataSource = dataSource;
    this.playerIds = playerIds;
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
    try (Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      insertPlayers(connection, rows);
      statement.execute(STAGE);
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, CopyBinary.of(rows));
      int inserted = statement.executeUpdate(MOVE);
      connection.commit();
      return inserted;
    } catch (IOException e) { // reading a byte array: not expected
      rollBack(connection, e);
      throw new UncheckedIOException(e);
    } catch (SQLException | RuntimeException e) {
      rollBack(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
      DataSourceUtils.releaseConnection(connection, dataSource);
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
