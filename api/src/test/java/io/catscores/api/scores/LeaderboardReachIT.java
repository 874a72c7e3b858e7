package io.catscores.api.scores;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import io.catscores.api.ApiTestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leaderboard pages are served only where they start within the reach of either end of the board
 * (here 5 rows, on a board of 31 with ties in every order): a deeper page would cost the database a
 * walk over every row before it (doc/benchmarks.md, "Deep pages"). Pages near the end are read
 * backwards and must show exactly what the forward order puts there, ranks included.
 */
@ApiIT
class LeaderboardReachIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BOARD = "/api/v2/games/TT/leaderboard";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestDatabase.register(registry, ApiTestDatabase.fresh("reach", "reach-board.sql"));
    registry.add("api.leaderboard.page-reach", () -> "5");
  }

  @Autowired WebTestClient web;

  private EntityExchangeResult<byte[]> get(String query) {
    return web.get().uri(BOARD + query).exchange().expectBody().returnResult();
  }

  private JsonNode ok(String query) {
    EntityExchangeResult<byte[]> result = get(query);
    assertThat(result.getStatus().value()).as(query).isEqualTo(200);
    return JSON.readTree(result.getResponseBody());
  }

  /** Pages 1-2 and 10-11 of 3 rows are served; they hold the whole board's rows 1-6 and 28-31. */
  @ParameterizedTest
  @ValueSource(strings = {"best", "worst", "recent", "stale"})
  void theFirstAndTheLastPagesShowWhatTheWholeBoardHasThere(String order) {
    JsonNode whole = ok("?sortBy=" + order + "&pageSize=200").get("items");
    assertThat(whole.size()).isEqualTo(31);
    List<JsonNode> expected = new ArrayList<>();
    List<JsonNode> served = new ArrayList<>();
    for (int page : new int[] {1, 2, 10, 11}) {
      JsonNode answer = ok("?sortBy=" + order + "&pageSize=3&page=" + page);
      assertThat(answer.get("total").asLong()).isEqualTo(31);
      answer.get("items").forEach(served::add);
      for (int row = (page - 1) * 3; row < Math.min(page * 3, 31); row++) {
        expected.add(whole.get(row));
      }
    }
    assertThat(served).as(order).isEqualTo(expected);
  }

  @Test
  void aPageDeeperThanTheReachFromBothEndsIsA400ThatSaysWhichPagesAre() {
    EntityExchangeResult<byte[]> result = get("?pageSize=3&page=5");
    assertThat(result.getStatus().value()).isEqualTo(400);
    assertThat(result.getResponseHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(JSON.readTree(result.getResponseBody()).get("detail").asString())
        .isEqualTo(
            "page 5 starts 12 rows into 31 result(s); pages are served up to 5 rows from either"
                + " end (here pages 1-2 and 10-11); the opposite sort order reads the list from its"
                + " other end");
  }

  @Test
  void theLinksNameOnlyPagesThatAreServed() {
    assertThat(links("?pageSize=3&page=2"))
        .contains("page=1&pageSize=3>; rel=\"first\"", "page=1&pageSize=3>; rel=\"prev\"")
        .contains("page=11&pageSize=3>; rel=\"last\"")
        .doesNotContain("rel=\"next\"");
    assertThat(links("?pageSize=3&page=10"))
        .contains("page=11&pageSize=3>; rel=\"next\"", "page=11&pageSize=3>; rel=\"last\"")
        .doesNotContain("rel=\"prev\"");
  }

  private String links(String query) {
    EntityExchangeResult<byte[]> result = get(query);
    assertThat(result.getStatus().value()).isEqualTo(200);
    return result.getResponseHeaders().getFirst("Link");
  }
}
