package io.catscores.syncronizer.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.RedisServer;
import io.catscores.devstack.SharedServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis restarted (append-only file kept) while the scheduled drain is working through the stream:
 * the drain's connection and the Pub/Sub bridge reconnect by themselves, and every score is stored
 * exactly once.
 */
// The scheduled app stops after its test, while its servers still run: left to the JVM's exit, its
// shutdown waited on jobs retrying a database or Redis already gone (30 s, then surefire killed
// it).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(properties = "sync.scheduled=false")
class RedisRestartIT {

  private static final RedisServer REDIS = startRedis();
  private static final String STREAM = "test:redis-restart:scores";
  private static final int MESSAGES = 100_000;
  private static final Duration DOWN = Duration.ofSeconds(5);

  private static RedisServer startRedis() {
    try {
      return RedisServer.start(Files.createTempDirectory("redis-restart"), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    String url = SharedServers.freshDatabase("redisrestart");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("redis.port", REDIS::port);
    registry.add("scores.stream", () -> STREAM);
  }

  @Autowired DataSource database;

  @Test
  void theDrainAndTheBridgeReconnectAndStoreEveryScoreOnce() throws Exception {
    BulkScores.load(REDIS.port(), STREAM, MESSAGES);
    Thread.sleep(1_500); // appendfsync everysec: what was appended is on disk
    long total = (long) MESSAGES * BulkScores.SCORES_PER_MESSAGE;
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> BulkScores.stored(database) > 0);
    long storedBefore = BulkScores.stored(database);
    assertThat(storedBefore).as("restarted mid-drain").isLessThan(total);

    REDIS.stop();
    Thread.sleep(DOWN.toMillis());
    REDIS.restart();
    Instant restarted = Instant.now();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                BulkScores.stored(database) == total
                    && BulkScores.pending(REDIS.port(), STREAM) == 0);
    Duration caughtUp = Duration.between(restarted, Instant.now());
    assertThat(BulkScores.distinct(database)).isEqualTo(total);

    // The bridge resubscribed too: a badge message published now is stored.
    String player = "5e1ec7ed-0000-4000-8000-000000000001";
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              publish(
                  "{\"user_uuid\": \""
                      + player
                      + "\", \"mac_address\": \"BB:01\", \"event\": \"high-score\","
                      + " \"high_scores\": [[\"LA\", 4242, 7]]}");
              return BulkScores.stored(database) == total + 1;
            });
    System.out.printf(
        "redis restart: %d scores sent / %d stored before Redis stopped for %d s / %d stored"
            + " after / 0 duplicates / 0 pending; caught up %d s after the restart; bridge"
            + " resubscribed%n",
        total, storedBefore, DOWN.toSeconds(), total, caughtUp.toSeconds());
  }

  private static void publish(String message) {
    RedisClient client = RedisClient.create("redis://localhost:" + REDIS.port());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().publish("high-score-processor", message);
    } finally {
      client.shutdown();
    }
  }

  @AfterAll
  static void stop() throws IOException {
    REDIS.close();
  }
}
