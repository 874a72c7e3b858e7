package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.devstack.RestartablePostgres;
import io.catscores.syncronizer.SyncronizerIT;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** A PostgreSQL outage mid-drain loses nothing: entries stay pending and are stored afterwards. */
@SyncronizerIT
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=1000")
class ScoreDrainOutageIT {

  private static final RestartablePostgres POSTGRES = RestartablePostgres.start();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    POSTGRES.server().ensureDatabase("outage");
    registry.add("spring.datasource.url", () -> POSTGRES.server().jdbcUrl("outage"));
    registry.add("scores.stream", () -> "test:outage:scores");
    registry.add("scores.dead-letter-stream", () -> "test:outage:dead");
  }

  @Autowired ScoreDrain drain;
  @Autowired RedisClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScoreQueueProperties queue;

  @Test
  void entriesStayPendingWhilePostgresIsDownAndAreStoredWhenItReturns() throws Exception {
    try (var fixture = new ScoreQueueFixture(client, jdbc, queue)) {
      fixture.reset();
      drain.drain(Duration.ofSeconds(5)); // warm up: games loaded, group known
      for (int i = 0; i < 500; i++) {
        fixture.publish(ScoreDrainIT.highScore(UUID.randomUUID().toString(), i));
      }

      POSTGRES.stop();
      assertThatThrownBy(() -> drain.drain(Duration.ofSeconds(5))).isInstanceOf(Exception.class);
      assertThat(fixture.pending()).isEqualTo(500);
      assertThat(fixture.deadLetters()).isEmpty();

      POSTGRES.restart();
      // As the scheduled job does: the first run after the restart may still meet a pooled
      // connection the outage killed; the next runs store everything.
      int stored = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (fixture.pending() > 0 && System.nanoTime() < deadline) {
        try {
          stored += drain.drain(Duration.ofSeconds(10)).stored();
        } catch (Exception brokenConnection) {
          Thread.sleep(200);
        }
      }

      assertThat(stored).isEqualTo(500);
      assertThat(fixture.scoreRows()).isEqualTo(500);
      assertThat(fixture.pending()).isZero();
      assertThat(fixture.deadLetters()).isEmpty();
    }
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}
