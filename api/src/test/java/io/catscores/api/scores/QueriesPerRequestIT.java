package io.catscores.api.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.api.ApiIT;
import io.catscores.api.QueryLog;
import io.catscores.api.changes.Changes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a leaderboard costs the database, whatever the number of scores (issue #18): no count of the
 * score table (the total is the row V8's trigger keeps), and one query for many concurrent requests
 * the cache cannot answer yet (no stampede when an entry is absent, expired or evicted).
 */
@ApiIT
@Import(QueryLog.class)
class QueriesPerRequestIT {

  @Autowired WebTestClient web;
  @Autowired QueryLog queries;
  @Autowired Changes changes;
  @LocalServerPort int port;

  /**
   * Once the api listens: the change it publishes when LISTEN takes effect (anything may have
   * changed before) would otherwise land during this class's first reads. What happens then is
   * ResponseCacheTest's.
   */
  @BeforeEach
  void clear() {
    await().atMost(Duration.ofSeconds(10)).until(changes::heard);
    queries.clear();
  }

  private List<String> leaderboardQueries() {
    return queries.statements().stream().filter(sql -> sql.contains("LIMIT :limit")).toList();
  }

  @Test
  void aLeaderboardPageCountsNoScores() {
    web.get()
        .uri("/api/v2/games/BO/leaderboard?pageSize=7")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.total")
        .isEqualTo(4);
    assertThat(leaderboardQueries()).hasSize(1);
    assertThat(queries.statements())
        .noneMatch(sql -> sql.matches("(?is).*count\\(.*\\bFROM score\\b.*"));
  }

  /**
   * One query. A change PostgreSQL reports during the burst (another test's late write, a listener
   * reconnecting) rightly makes the answer stale, and one request then reads it again: once per
   * change, never once per request (it failed CI once with 2 queries, one change in the window).
   */
  @Test
  void concurrentMissesOfOneAnswerMakeOneQuery() throws Exception {
    long before = changes.sequence();
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://localhost:" + port + "/api/v2/games/RO/leaderboard?pageSize=13");
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      answers.add(
          http.sendAsync(
              HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      assertThat(answer.get().statusCode()).isEqualTo(200);
      assertThat(answer.get().body()).isEqualTo(answers.get(0).get().body());
    }
    long changed = changes.sequence() - before;
    assertThat(leaderboardQueries())
        .as("64 concurrent misses, one leaderboard query (+1 per change heard: %d)", changed)
        .hasSizeBetween(1, 1 + (int) Math.min(changed, 4));
  }
}
