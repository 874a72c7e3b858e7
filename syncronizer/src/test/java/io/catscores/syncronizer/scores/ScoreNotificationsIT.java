package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.syncronizer.Notifications;
import io.catscores.syncronizer.SyncronizerIT;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** What the drain's writes tell the api (V8's triggers), driven directly as in ScoreDrainIT. */
@SyncronizerIT
@TestPropertySource(
    properties = {"scores.stream=test:notify:scores", "scores.dead-letter-stream=test:notify:dead"})
class ScoreNotificationsIT {

  @Autowired ScoreDrain drain;
  @Autowired RedisClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired ScoreQueueProperties queue;
  ScoreQueueFixture fixture;

  @BeforeEach
  void reset() {
    fixture = new ScoreQueueFixture(client, jdbc, queue);
    fixture.reset();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  /**
   * Each stored batch tells listeners (the api) which games changed, in its own transaction, and
   * keeps each game's count, so a leaderboard's total is one row (V8; issues #17, #18).
   */
  @Test
  void storedScoresNotifyTheirGamesAndKeepTheCounts() throws Exception {
    try (Notifications notifications = new Notifications(dataSource)) {
      ScoreQueueFixture.samples().forEach(fixture::publish);
      drain.drain(Duration.ofSeconds(10));

      List<String> received = notifications.received(2_000);
      assertThat(received).contains("{\"table\" : \"queue_status\"}");
      List<String> scores = received.stream().filter(p -> p.contains("score")).toList();
      assertThat(scores).isNotEmpty();
      assertThat(scores)
          .allMatch(p -> p.matches("\\{\"table\" : \"score\", \"games\" : \\[[0-9,]+\\]\\}"));
      assertThat(String.join("", scores)).contains("1").contains("2").contains("3").contains("5");

      drain.drain(Duration.ofMillis(200)); // nothing new: no notice
      assertThat(notifications.received(300)).noneMatch(p -> p.contains("score"));
    }
    assertThat(
            jdbc.queryForList(
                "SELECT c.game_id, c.scores FROM game_score_count c"
                    + " EXCEPT SELECT game_id, count(*) FROM score GROUP BY 1"))
        .as("every non-empty game's count equals its rows")
        .allMatch(row -> ((Number) row.get("scores")).longValue() == 0);
  }
}
