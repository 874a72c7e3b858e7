package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.syncronizer.SyncronizerIT;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batch write (COPY into a staging table, then one INSERT … ON CONFLICT) on real PostgreSQL.
 */
@SyncronizerIT
class ScoreRepositoryIT {

  static final UUID PLAYER = UUID.fromString("6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03");

  @Autowired ScoreRepository repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @BeforeEach
  void empty() {
    jdbc.execute("TRUNCATE score, player");
  }

  static ScoreRepository.Row row(String mac, long score) {
    return new ScoreRepository.Row(
        PLAYER, mac, (short) 1, score, 100, Instant.parse("2026-11-27T19:00:00.123456789Z"), "1-0");
  }

  /** The MAC is whatever the message said: COPY's own delimiters and escapes in it stay data. */
  @Test
  void awkwardMacAddressesAreStoredAsSent() throws SQLException {
    List<String> macs =
        List.of("tab\there", "back\\slash", "line\nbreak", "carriage\rreturn", "\\N", "ü\"'; --");
    List<ScoreRepository.Row> rows =
        macs.stream().map(mac -> row(mac, 10 + macs.indexOf(mac))).toList();

    assertThat(repository.insertNew(rows)).isEqualTo(macs.size());

    assertThat(jdbc.queryForList("SELECT mac_address FROM score ORDER BY score", String.class))
        .containsExactlyElementsOf(macs);
    assertThat(jdbc.queryForObject("SELECT min(first_seen_at) FROM score", Instant.class))
        .isEqualTo(Instant.parse("2026-11-27T19:00:00.123456Z"));
  }

  /** Repeats within a batch and of scores already stored are no-ops, and are not counted. */
  @Test
  void repeatsAreStoredOnce() throws SQLException {
    assertThat(repository.insertNew(List.of(row("24:6F", 1), row("24:6F", 1), row("24:6F", 2))))
        .isEqualTo(2);
    assertThat(repository.insertNew(List.of(row("24:6F", 2), row("24:6F", 3)))).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM score", Long.class)).isEqualTo(3);
    // The staging table is empty again after each commit: nothing is moved twice.
    assertThat(repository.insertNew(List.of(row("24:6F", 3)))).isZero();
  }

  /** A failed batch leaves nothing behind, players included, and the next batch goes through. */
  @Test
  void aFailedBatchWritesNothing() throws SQLException {
    ScoreRepository.Row unknownGame =
        new ScoreRepository.Row(PLAYER, "24:6F", (short) 999, 1, 1, Instant.now(), "1-0");
    assertThatThrownBy(() -> repository.insertNew(List.of(row("24:6F", 5), unknownGame)))
        .isInstanceOf(SQLException.class);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM score", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM player", Long.class)).isZero();

    assertThat(repository.insertNew(List.of(row("24:6F", 5)))).isEqualTo(1);
  }

  /**
   * A player who has a public id already is not written (nor locked) again: two writers whose
   * batches share the same badges waited on each other's commits (doc/benchmarks.md, "Drain",
   * PLAYERS=2000). Here another transaction holds the player's row, as the other writer would.
   */
  @Test
  void aKnownPlayersNextScoresDoNotWaitForTheirRow() throws Exception {
    repository.insertNew(List.of(row("24:6F", 1)));
    try (Connection other = dataSource.getConnection();
        Statement statement = other.createStatement()) {
      other.setAutoCommit(false);
      statement.execute("SELECT 1 FROM player FOR UPDATE");
      CompletableFuture<Integer> next =
          CompletableFuture.supplyAsync(() -> insertNew(List.of(row("24:6F", 2))));
      try {
        assertThat(next).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1);
      } finally {
        other.rollback();
        next.join();
      }
    }
  }

  private int insertNew(List<ScoreRepository.Row> rows) {
    try {
      return repository.insertNew(rows);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
