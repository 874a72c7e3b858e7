package io.catscores.api.scores;

import io.catscores.api.ApiIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIT
class ScoresControllerIT {

  private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";

  @Autowired WebTestClient web;

  private WebTestClient.BodyContentSpec ok(String uri) {
    return web.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Cache-Control", "public, no-cache")
        .expectBody();
  }

  @Test
  void theFourGames() {
    ok("/api/v2/games").jsonPath("$[*].abbreviation").isEqualTo(List.of("BO", "LA", "RO", "TT"));
  }

  @Test
  void bestIsHighestScoreThenShortestDuration() {
    ok("/api/v2/games/Breakout/leaderboard")
        .jsonPath("$.total")
        .isEqualTo(4)
        .jsonPath("$.items[*].score")
        .isEqualTo(List.of(2210, 2210, 1840, 900))
        .jsonPath("$.items[0].playerId")
        .isEqualTo("playerbbbbbb")
        .jsonPath("$.items[0].duration")
        .isEqualTo(200)
        .jsonPath("$.items[*].rank")
        .isEqualTo(List.of(1, 2, 3, 4));
  }

  @Test
  void everySortOrder() {
    ok("/api/v2/games/BO/leaderboard?sortBy=worst")
        .jsonPath("$.items[*].score")
        .isEqualTo(List.of(900, 1840, 2210, 2210))
        .jsonPath("$.items[2].duration")
        .isEqualTo(260);
    ok("/api/v2/games/1/leaderboard?sortBy=recent")
        .jsonPath("$.items[0].firstSeenAt")
        .isEqualTo("2026-11-02T08:00:00Z");
    ok("/api/v2/games/bo/leaderboard?sortBy=stale").jsonPath("$.items[0].score").isEqualTo(900);
    ok("/api/v2/games/BO/leaderboard?pageSize=2&page=2")
        .jsonPath("$.items[*].rank")
        .isEqualTo(List.of(3, 4));
  }

  @Test
  void aPlayerWhoPlayedEveryGameWentAroundTheWorld() {
    ok("/api/v2/players/playeraaaaaa")
        .jsonPath("$.gamesPlayed")
        .isEqualTo(List.of("Breakout", "Labyrinth", "Asteroids", "Tappytime"))
        .jsonPath("$.aroundTheWorld")
        .isEqualTo(true)
        .jsonPath("$.total")
        .isEqualTo(5)
        .jsonPath("$.items[0].score")
        .isEqualTo(2210);
    ok("/api/v2/players/" + B) // a player looking themselves up by their own uuid
        .jsonPath("$.playerId")
        .isEqualTo("playerbbbbbb")
        .jsonPath("$.gamesPlayed")
        .isEqualTo(List.of("Breakout", "Asteroids"))
        .jsonPath("$.aroundTheWorld")
        .isEqualTo(false);
  }

  @Test
  void errors() {
    problem("/api/v2/games/Pong/leaderboard", 404, "No game 'Pong'");
    problem(
        "/api/v2/games/BO/leaderboard?sortBy=fastest",
        400,
        "'sortBy' must be one of [best, worst, recent, stale]");
    problem("/api/v2/games/BO/leaderboard?page=3", 400, "beyond the last page");
    problem("/api/v2/players/not-a-uuid", 400, "Not a player id");
    problem(
        "/api/v2/players/cccccccc-0000-4000-8000-000000000003", 404, "No scores for this player");
    problem("/api/v2/players/playerzzzzzz", 404, "No scores for this player");
  }

  private void problem(String uri, int status, String detail) {
    web.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, d -> org.assertj.core.api.Assertions.assertThat(d).contains(detail));
  }
}
