package io.catscores.syncronizer.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.PackagedApp;
import io.catscores.devstack.SharedServers;
import io.catscores.devstack.UpstreamReplica;
import io.catscores.syncronizer.PackagedSyncronizer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SIGTERM of the packaged syncronizer in the middle of draining 50 000 messages: it stops without
 * one WARN or ERROR line (the operators' "errors by service" search stays quiet on deploys), and a
 * restart stores everything, once.
 */
class QuietStopIT {

  private static final int MESSAGES = 50_000;
  private static final String STREAM = "test:quiet-stop:scores";

  @Test
  void aGracefulStopMidDrainIsQuietAndLosesNothing() throws Exception {
    String database = "quiet_" + ProcessHandle.current().pid();
    SharedServers.postgres().ensureDatabase(database);
    JdbcTemplate jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(
                SharedServers.postgres().jdbcUrl(database), "postgres", ""));
    BulkScores.load(SharedServers.redis().port(), STREAM, MESSAGES);
    long total = (long) MESSAGES * BulkScores.SCORES_PER_MESSAGE;
    try (UpstreamReplica upstream = UpstreamReplica.start(0)) {
      PackagedApp first = start(database, upstream);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> BulkScores.stored(jdbc.getDataSource()) > 10_000);
      long linesBefore = Files.readAllLines(first.log()).size();
      first.process().destroy(); // SIGTERM
      assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      List<String> shutdown = Files.readAllLines(first.log());
      // Nothing at WARN or ERROR, and no failure at any level (a drain cut off mid-batch logged a
      // RejectedExecutionException with its stack at INFO before the drain learnt to stop).
      List<String> loud =
          shutdown.subList((int) linesBefore, shutdown.size()).stream()
              .filter(
                  line ->
                      line.contains("\"level\":\"WARN\"")
                          || line.contains("\"level\":\"ERROR\"")
                          || line.contains("\"stack_trace\""))
              .toList();
      assertThat(loud).as("WARN/ERROR lines or failures after SIGTERM").isEmpty();
      assertThat(String.join("\n", shutdown)).contains("Score drain stopped");
      long atStop = BulkScores.stored(jdbc.getDataSource());
      assertThat(atStop).as("stopped mid-drain").isLessThan(total);

      PackagedApp second = start(database, upstream);
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    BulkScores.stored(jdbc.getDataSource()) == total
                        && BulkScores.pending(SharedServers.redis().port(), STREAM) == 0);
      } finally {
        second.close();
      }
      System.out.printf(
          "quiet stop: %d sent / %d stored at SIGTERM / %d stored / 0 WARN-ERROR lines%n",
          total, atStop, BulkScores.stored(jdbc.getDataSource()));
    }
  }

  private static PackagedApp start(String database, UpstreamReplica upstream) throws Exception {
    return PackagedSyncronizer.app(
        "quiet-syncronizer",
        database,
        Map.of(
            "SCORES_STREAM",
            STREAM,
            "SCORES_CONSUMER",
            "quiet-stop-node",
            "UPSTREAM_CATAPI_URL",
            upstream.baseUrl(),
            "SYNC_INTERVAL",
            "24h"),
        "-Xmx384m");
  }
}
