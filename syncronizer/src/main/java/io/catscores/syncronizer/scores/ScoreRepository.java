package io.catscores.syncronizer.scores;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** Writes a whole batch of scores with one statement; repeats of a known score are no-ops. */
@Repository
class ScoreRepository {

  // unnest() of column arrays: one round trip and one plan per batch, whatever its size.
  private static final String INSERT =
      """
      INSERT INTO score (player_uuid, mac_address, game_id, score, duration, first_seen_at,
                         stream_entry_id)
      SELECT * FROM unnest(?::uuid[], ?::text[], ?::smallint[], ?::bigint[], ?::bigint[],
                           ?::timestamptz[], ?::text[])
      ON CONFLICT ON CONSTRAINT score_natural_key DO NOTHING
      """;

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
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insertPlayers(connection, rows);
      Array[] arrays = columns(connection, rows);
      for (int i = 0; i < arrays.length; i++) {
        insert.setArray(i + 1, arrays[i]);
      }
      return insert.executeUpdate();
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** The batch as one array per column, in INSERT's order. */
  private static Array[] columns(Connection connection, List<Row> rows) throws SQLException {
    int n = rows.size();
    Object[][] values = new Object[7][n];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      values[0][i] = row.player();
      values[1][i] = row.macAddress();
      values[2][i] = row.gameId();
      values[3][i] = row.score();
      values[4][i] = row.duration();
      values[5][i] = Timestamp.from(row.seenAt());
      values[6][i] = row.entryId();
    }
    String[] types = {"uuid", "text", "int2", "int8", "int8", "timestamptz", "text"};
    Array[] arrays = new Array[types.length];
    for (int c = 0; c < types.length; c++) {
      arrays[c] = connection.createArrayOf(types[c], values[c]);
    }
    return arrays;
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
