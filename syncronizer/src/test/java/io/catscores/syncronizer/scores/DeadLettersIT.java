package io.catscores.syncronizer.scores;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.syncronizer.SyncronizerIT;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dead letters over the control API: listed newest first (by reason too) only with the admin token,
 * replayed onto the score stream, failing again with their new reason, harmless when their scores
 * are already stored, and never written to the log.
 */
@SyncronizerIT
@TestPropertySource(
    properties = {
      "control.admin-token=dead-letter-it-token",
      "scores.stream=test:dead:scores",
      "scores.dead-letter-stream=test:dead:letters"
    })
@ExtendWith(OutputCaptureExtension.class)
class DeadLettersIT {

  private static final String TOKEN = "dead-letter-it-token";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired ScoreDrain drain;
  @Autowired RedisClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScoreQueueProperties queue;
  @LocalServerPort int port;
  ScoreQueueFixture fixture;

  @BeforeEach
  void reset() throws Exception {
    fixture = new ScoreQueueFixture(client, jdbc, queue);
    fixture.reset();
    ScoreQueueFixture.samples().forEach(fixture::publish);
    drain.drain(Duration.ofSeconds(10)); // the samples dead-letter 5 messages
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private HttpResponse<String> call(String method, String path, String body, String token)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode list(String query) throws Exception {
    HttpResponse<String> response = call("GET", "/api/v1/scores/dead-letters" + query, null, TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void listingNeedsTheTokenAndShowsTheNewestFirst() throws Exception {
    assertThat(call("GET", "/api/v1/scores/dead-letters", null, null).statusCode()).isEqualTo(401);
    JsonNode all = list("");
    assertThat(all.size()).isEqualTo(5);
    assertThat(all.get(0).path("id").asString().compareTo(all.get(4).path("id").asString()))
        .isPositive();
    assertThat(all.get(0).path("payload").asString()).isNotEmpty();
    assertThat(all.get(0).path("deadLetteredAt").asString()).isNotEmpty();
    assertThat(list("?reason=UNKNOWN%20GAME").size()).isEqualTo(1);
    assertThat(list("?limit=2").size()).isEqualTo(2);
    assertThat(call("GET", "/api/v1/scores/dead-letters?limit=0", null, TOKEN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aReplayedMessageThatFailsAgainComesBackWithItsReason(CapturedOutput output)
      throws Exception {
    String id = list("?reason=unknown%20game").get(0).path("id").asString();
    HttpResponse<String> replayed =
        call("POST", "/api/v1/scores/dead-letters/replay", "{\"ids\": [\"" + id + "\"]}", TOKEN);
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(replayed.body()).path("replayed").asInt()).isEqualTo(1);
    assertThat(list("").size()).isEqualTo(4); // removed once it was back on the score stream

    drain.drain(Duration.ofSeconds(10));
    JsonNode again = list("?reason=unknown%20game");
    assertThat(again.size()).isEqualTo(1);
    assertThat(again.get(0).path("id").asString()).isNotEqualTo(id);
    assertThat(output.getAll()).doesNotContain("6f1c2a9e-0b7d", "24:6F:28:AA:10");
  }

  @Test
  void replayingEverythingStoresNothingTwice() throws Exception {
    int stored = fixture.scoreRows();
    HttpResponse<String> replayed =
        call("POST", "/api/v1/scores/dead-letters/replay", "{\"all\": true}", TOKEN);
    assertThat(JSON.readTree(replayed.body()).path("replayed").asInt()).isEqualTo(5);
    drain.drain(Duration.ofSeconds(10));
    assertThat(fixture.scoreRows()).isEqualTo(stored); // natural key: no duplicates
    assertThat(list("").size()).isEqualTo(5); // each failed again, with its reason
    assertThat(
            call(
                    "POST",
                    "/api/v1/scores/dead-letters/replay",
                    "{\"all\": true, \"reason\": \"x\"}",
                    TOKEN)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            call("POST", "/api/v1/scores/dead-letters/replay", "{\"all\": true}", null)
                .statusCode())
        .isEqualTo(401);
  }
}
