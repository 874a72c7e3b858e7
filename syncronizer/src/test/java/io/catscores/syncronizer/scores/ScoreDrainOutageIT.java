package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catscores.devstack.PostgresServer;
import io.catscores.devstack.SharedServers;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A PostgreSQL outage mid-drain loses nothing: entries stay pending and are stored afterwards. */
@SpringBootTest(
    properties = {
      "scores.scheduled=false",
      "sync.scheduled=false",
      "scores.bridge-enabled=false",
      "spring.datasource.hikari.connection-timeout=1000"
    })
class ScoreDrainOutageIT {

  private static final Path DATA = tempDirectory();
  private static PostgresServer postgres = start(0);
  private static final int PORT = postgres.port();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    postgres.ensureDatabase("outage");
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl("outage"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("redis.port", () -> SharedServers.redis().port());
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

      postgres.close();
      assertThatThrownBy(() -> drain.drain(Duration.ofSeconds(5))).isInstanceOf(Exception.class);
      assertThat(fixture.pending()).isEqualTo(500);
      assertThat(fixture.deadLetters()).isEmpty();

      postgres = start(PORT);
      ScoreDrain.Result result = drain.drain(Duration.ofSeconds(30));

      assertThat(result.stored()).isEqualTo(500);
      assertThat(fixture.scoreRows()).isEqualTo(500);
      assertThat(fixture.pending()).isZero();
    }
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private static PostgresServer start(int port) {
    try {
      return PostgresServer.start(DATA, port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("outage-pg");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
