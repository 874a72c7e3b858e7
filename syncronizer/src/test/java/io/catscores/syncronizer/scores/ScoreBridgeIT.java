package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.SharedServers;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end as in production: the badge API publishes on Pub/Sub, the bridge appends to the
 * stream, the Quartz drain job stores the scores.
 */
@SpringBootTest(
    properties = {
      "scores.drain-interval=200ms",
      "scores.pubsub-channel=test:bridge",
      "sync.scheduled=false"
    })
class ScoreBridgeIT {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    String url = SharedServers.freshDatabase("bridge");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("redis.port", () -> SharedServers.redis().port());
    registry.add("scores.stream", () -> "test:bridge:scores");
    registry.add("scores.dead-letter-stream", () -> "test:bridge:dead");
  }

  @Autowired RedisClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScoreQueueProperties queue;
  @Autowired MeterRegistry meters;
  ScoreQueueFixture fixture;

  @BeforeEach
  void subscribed() {
    fixture = new ScoreQueueFixture(client, jdbc, queue);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> fixture.redis().pubsubNumsub("test:bridge").get("test:bridge") == 1);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void publishedScoresAreStoredByTheScheduledDrain() {
    String player = UUID.randomUUID().toString();
    fixture.redis().publish("test:bridge", ScoreDrainIT.highScore(player, 4242));
    fixture.redis().publish("test:bridge", "{\"event\": \"teleport\"}");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(
                      jdbc.queryForList(
                          "SELECT score FROM score WHERE player_uuid = ?::uuid",
                          Long.class,
                          player))
                  .containsExactly(4242L);
              assertThat(fixture.deadLetters())
                  .anySatisfy(e -> assertThat(e.getBody().get("reason")).contains("teleport"));
            });
    assertThat(fixture.pending()).isZero();
  }

  @Test
  void theSameMessageBridgedTwiceWithinTheWindowIsAppendedOnce() {
    String message = ScoreDrainIT.highScore(UUID.randomUUID().toString(), 1);
    double before = bridged("deduplicated");
    fixture.redis().publish("test:bridge", message);
    fixture.redis().publish("test:bridge", message);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(bridged("deduplicated")).isEqualTo(before + 1));
  }

  private double bridged(String outcome) {
    var counter = meters.find("badge_bridge_messages").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
