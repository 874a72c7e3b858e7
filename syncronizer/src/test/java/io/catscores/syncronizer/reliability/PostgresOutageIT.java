package io.catscores.syncronizer.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.RestartablePostgres;
import io.catscores.devstack.SharedServers;
import io.catscores.devstack.UpstreamReplica;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped for 20 s while the scheduled syncronizer is both draining scores and syncing
 * the catalogue: nothing is lost, the interrupted run ends up recorded as failed, and scheduling,
 * draining and syncing resume by themselves (Quartz's own job store is in that database too).
 */
// The scheduled app stops after its test, while its servers still run: left to the JVM's exit, its
// shutdown waited on jobs retrying a database or Redis already gone (30 s, then surefire killed
// it).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(
    properties = {
      "scores.bridge-enabled=false",
      "spring.datasource.hikari.connection-timeout=1000",
      "SYNC_INTERVAL=2s"
    })
class PostgresOutageIT {

  private static final RestartablePostgres POSTGRES = RestartablePostgres.start();
  private static final UpstreamReplica UPSTREAM = UpstreamReplica.start(0);
  private static final String STREAM = "test:pg-outage:scores";
  private static final String DEAD = "test:pg-outage:dead";
  private static final int MESSAGES = 80_000;
  private static final Duration OUTAGE = Duration.ofSeconds(20);

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    POSTGRES.server().ensureDatabase("outage");
    registry.add("spring.datasource.url", () -> POSTGRES.server().jdbcUrl("outage"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("redis.port", () -> SharedServers.redis().port());
    registry.add("scores.stream", () -> STREAM);
    registry.add("scores.dead-letter-stream", () -> DEAD);
    registry.add("UPSTREAM_CATAPI_URL", UPSTREAM::baseUrl);
  }

  @Autowired JdbcTemplate jdbc;

  @Test
  void nothingIsLostAndEverythingResumesAfterTwentySecondsWithoutPostgres() throws Exception {
    // Every upstream call takes 150 ms, so a catalogue run lasts over a second.
    UPSTREAM.wireMock().setGlobalFixedDelay(150);
    DataSource database =
        new DriverManagerDataSource(POSTGRES.server().jdbcUrl("outage"), "postgres", "");
    await().atMost(Duration.ofSeconds(60)).until(() -> lastOutcome().equals("succeeded"));
    int breeds = count("SELECT count(*) FROM breed");

    BulkScores.load(SharedServers.redis().port(), STREAM, MESSAGES);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> lastOutcome().equals("running") && BulkScores.stored(database) > 0);
    long interrupted = jdbc.queryForObject("SELECT max(id) FROM sync_run", Long.class);
    long storedBefore = BulkScores.stored(database);

    POSTGRES.stop();
    Instant stopped = Instant.now();
    Thread.sleep(OUTAGE.toMillis());
    POSTGRES.restart();
    Instant restarted = Instant.now();

    long total = (long) MESSAGES * BulkScores.SCORES_PER_MESSAGE;
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                BulkScores.stored(database) == total
                    && BulkScores.pending(SharedServers.redis().port(), STREAM) == 0
                    && count(
                            "SELECT count(*) FROM sync_run WHERE outcome = 'succeeded' AND id > "
                                + interrupted)
                        > 0);
    Duration recovered = Duration.between(restarted, Instant.now());

    assertThat(BulkScores.distinct(database)).isEqualTo(total);
    assertThat(BulkScores.deadLetters(SharedServers.redis().port(), DEAD)).isZero();
    Map<String, Object> run = jdbc.queryForMap("SELECT * FROM sync_run WHERE id = ?", interrupted);
    assertThat(run.get("outcome")).isEqualTo("failed");
    assertThat((String) run.get("error")).isNotBlank();
    assertThat(count("SELECT count(*) FROM breed")).isEqualTo(breeds);
    List<String> outcomes =
        jdbc.queryForList("SELECT outcome FROM sync_run ORDER BY id", String.class);
    // Only the newest run may still be in progress (the job runs every 2 s): none left dangling.
    assertThat(outcomes.subList(0, outcomes.size() - 1)).doesNotContain("running");
    System.out.printf(
        "postgres outage: %d scores sent / %d stored before the %d s outage / %d stored after /"
            + " 0 duplicates / 0 pending / 0 dead-lettered; interrupted run %d recorded '%s' (%s);"
            + " all caught up %d s after the restart (stopped at %s)%n",
        total,
        storedBefore,
        OUTAGE.toSeconds(),
        BulkScores.stored(database),
        interrupted,
        run.get("outcome"),
        run.get("error"),
        recovered.toSeconds(),
        stopped);
  }

  private String lastOutcome() {
    try {
      List<String> last =
          jdbc.queryForList("SELECT outcome FROM sync_run ORDER BY id DESC LIMIT 1", String.class);
      return last.isEmpty() ? "none" : last.get(0);
    } catch (RuntimeException down) {
      return "unknown";
    }
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  @AfterAll
  static void stop() throws IOException {
    UPSTREAM.close();
    POSTGRES.close();
  }
}
