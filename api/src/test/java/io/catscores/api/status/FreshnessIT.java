package io.catscores.api.status;

import io.catscores.api.ApiIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Last-Modified says how old the data behind an answer is: the last successful sync for the
 * catalogue (seed.sql: 2026-11-04 12:00), the newest stored score for scores (2026-11-03 10:00);
 * If-Modified-Since gets 304, whether the answer is cached or not.
 */
@ApiIT
class FreshnessIT {

  private static final String SYNCED = "Wed, 04 Nov 2026 12:00:00 GMT";
  private static final String NEWEST_SCORE = "Tue, 03 Nov 2026 10:00:00 GMT";

  @Autowired WebTestClient web;

  @ParameterizedTest
  @ValueSource(strings = {"/api/v2/breeds?name=ab", "/api/v2/origins", "/api/v1/breeds/abys"})
  void catalogueAnswersCarryTheLastSuccessfulSync(String uri) {
    for (int i = 0; i < 2; i++) { // a cache miss, then a hit
      web.get()
          .uri(uri)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("Last-Modified", SYNCED);
      web.get()
          .uri(uri)
          .header("If-Modified-Since", SYNCED)
          .exchange()
          .expectStatus()
          .isNotModified();
    }
    web.get()
        .uri(uri)
        .header("If-Modified-Since", "Tue, 03 Nov 2026 12:00:00 GMT")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void scoreAnswersCarryTheNewestScore() {
    String uri = "/api/v2/games/LA/leaderboard?sortBy=recent";
    web.get().uri(uri).exchange().expectHeader().valueEquals("Last-Modified", NEWEST_SCORE);
    web.get()
        .uri(uri)
        .header("If-Modified-Since", NEWEST_SCORE)
        .exchange()
        .expectStatus()
        .isNotModified();
  }

  @Test
  void ifNoneMatchDecidesWhenBothAreSentAndErrorsHaveNoDate() {
    web.get()
        .uri("/api/v2/temperaments")
        .header("If-None-Match", "\"something-else\"")
        .header("If-Modified-Since", SYNCED)
        .exchange()
        .expectStatus()
        .isOk();
    web.get()
        .uri("/api/v2/breeds/nope")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .doesNotExist("Last-Modified");
    web.get()
        .uri("/api/v2/temperaments")
        .header("If-Modified-Since", "not a date")
        .exchange()
        .expectStatus()
        .isOk();
  }
}
