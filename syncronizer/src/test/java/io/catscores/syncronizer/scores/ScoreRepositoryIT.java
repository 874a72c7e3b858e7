package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.syncronizer.SyncronizerIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batch write on real PostgreSQL: COPY straight into score, and for a batch with a repeat COPY
 * into a staging table, then one INSERT … ON CONFLICT.
 */
@SyncronizerIT
class ScoreRepositoryIT {

  static final UUID PLAYER = UUID.fromString("6f1c2a9e-0b7d-4c3e-9a51-2d8e4f7a1b03");

  @Autowired ScoreRepository repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry registry;

  @BeforeEach
  void empty() throws SQLException {
    jdbc.execute("TRUNCATE score, player");
    // Spend any "staged after a repeat" left by an earlier test: each test starts on the COPY path.
    for (int i = 0; i < ScoreRepository.STAGED_AFTER_REPEAT; i++) {
      repository.insertNew(List.of(row("warm-up", i)));
    }
    jdbc.execute("TRUNCATE score, player");
  }

  double batches(String path) {
    return registry.counter("badge_drain_batches", "path", path).count();
  }

  static ScoreRepository.Row row(String mac, long score) {
    return new ScoreRepository.Row(
        PLAYER, mac, (short) 1, score, 100, Instant.parse("2026-11-27T19:00:00.123456789Z"), "1-0");
  }

  /**
   * The MAC is whatever the message said: COPY's own delimiters and escapes in it stay data, on
   * both paths (a repeat at the end sends the second batch through the staging table).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void awkwardMacAddressesAreStoredAsSent(boolean withRepeat) throws SQLException {
    List<String> macs =
        List.of("tab\there", "back\\slash", "line\nbreak", "carriage\rreturn", "\\N", "ü\"'; --");
    List<ScoreRepository.Row> rows =
        new ArrayList<>(macs.stream().map(mac -> row(mac, 10 + macs.indexOf(mac))).toList());
    if (withRepeat) {
      rows.add(rows.get(0));
    }
    double staged = batches("staged");

    assertThat(repository.insertNew(rows)).isEqualTo(macs.size());
    assertThat(batches("staged") - staged).isEqualTo(withRepeat ? 1 : 0);

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

  /**
   * A batch of new scores is COPYed straight in. A repeat sends its batch, and the next {@value
   * ScoreRepository#STAGED_AFTER_REPEAT}, through the staging table; then straight COPY again.
   */
  @Test
  void onlyBatchesAfterARepeatAreStaged() throws SQLException {
    double copied = batches("copy");
    double staged = batches("staged");
    assertThat(repository.insertNew(List.of(row("24:6F", 1), row("24:6F", 2)))).isEqualTo(2);
    assertThat(batches("copy") - copied).isEqualTo(1);

    assertThat(repository.insertNew(List.of(row("24:6F", 2), row("24:6F", 3)))).isEqualTo(1);
    assertThat(batches("staged") - staged).isEqualTo(1);
    for (int i = 0; i < ScoreRepository.STAGED_AFTER_REPEAT; i++) {
      assertThat(repository.insertNew(List.of(row("24:6F", 100 + i)))).isEqualTo(1);
    }
    assertThat(batches("staged") - staged).isEqualTo(1 + ScoreRepository.STAGED_AFTER_REPEAT);
    assertThat(repository.insertNew(List.of(row("24:6F", 200)))).isEqualTo(1);
    assertThat(batches("copy") - copied).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM score", Long.class))
        .isEqualTo(4 + ScoreRepository.STAGED_AFTER_REPEAT);
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
}
