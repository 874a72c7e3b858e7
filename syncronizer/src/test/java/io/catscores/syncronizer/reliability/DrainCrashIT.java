package io.catscores.syncronizer.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.SharedServers;
import io.catscores.syncronizer.PackagedSyncronizer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * kill -9 of the packaged syncronizer in the middle of draining 200 000 messages (1 000 000
 * scores), then a restart under the same consumer name: every score is stored exactly once and
 * nothing stays pending.
 */
class DrainCrashIT {

  private static final int MESSAGES = 200_000;
  private static final int SCORES_PER_MESSAGE = BulkScores.SCORES_PER_MESSAGE;
  private static final String STREAM = "test:crash:scores";

  @Test
  void killDashNineMidDrainLosesNothingAndStoresNothingTwice() throws Exception {
    String database = "crash_" + ProcessHandle.current().pid();
    SharedServers.postgres().ensureDatabase(database);
    JdbcTemplate jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                SharedServers.postgres().jdbcUrl(database), "postgres", ""));
    load();

    Process first = start(database);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> stored(jdbc) > 100_000);
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no ack
    long atKill = stored(jdbc);
    assertThat(atKill).as("killed mid-drain").isLessThan((long) MESSAGES * SCORES_PER_MESSAGE);

    Process second = start(database);
    try {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> stored(jdbc) == (long) MESSAGES * SCORES_PER_MESSAGE && pending() == 0);
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT count(DISTINCT (player_uuid, mac_address, game_id, score, duration))"
                    + " FROM score",
                Long.class))
        .isEqualTo((long) MESSAGES * SCORES_PER_MESSAGE);
    System.out.printf(
        "crash test: %d sent / %d stored at kill -9 / %d stored / 0 duplicates / 0 pending%n",
        MESSAGES * SCORES_PER_MESSAGE, atKill, stored(jdbc));
  }

  private static long stored(JdbcTemplate jdbc) {
    return BulkScores.stored(jdbc.getDataSource());
  }

  private static long pending() {
    return BulkScores.pending(SharedServers.redis().port(), STREAM);
  }

  private static void load() {
    BulkScores.load(SharedServers.redis().port(), STREAM, MESSAGES);
  }

  private static Process start(String database) throws Exception {
    return PackagedSyncronizer.start(
        "crash-syncronizer",
        database,
        Map.of(
            "SCORES_STREAM", STREAM,
            "SCORES_CONSUMER", "crash-test-node",
            "UPSTREAM_CATAPI_URL", "http://127.0.0.1:9",
            "SYNC_INTERVAL", "24h"),
        "-Xmx384m");
  }
}
