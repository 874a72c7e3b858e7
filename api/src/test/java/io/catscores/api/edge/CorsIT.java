package io.catscores.api.edge;

import io.catscores.api.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A page on another site can read the api with GET (cached answers too); nothing is sniffed. */
@ApiIT
class CorsIT {

  private static final String SITE = "https://board.example.org";

  @Autowired WebTestClient web;

  @Test
  void preflightForGetIsAnswered() {
    web.options()
        .uri("/api/v2/games/BO/leaderboard")
        .header("Origin", SITE)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "If-None-Match")
        .exchange()
        .expectStatus()
        .isNoContent()
        .expectHeader()
        .valueEquals("Access-Control-Allow-Origin", "*")
        .expectHeader()
        .valueMatches("Access-Control-Allow-Methods", "GET, HEAD")
        .expectHeader()
        .valueMatches("Access-Control-Allow-Headers", ".*If-None-Match.*");
  }

  @Test
  void noPreflightForWrites() {
    web.options()
        .uri("/api/v2/breeds")
        .header("Origin", SITE)
        .header("Access-Control-Request-Method", "DELETE")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .doesNotExist("Access-Control-Allow-Origin");
  }

  @Test
  void getFromAnotherSiteCachedOrNot() {
    for (int i = 0; i < 2; i++) { // a miss, then a hit answered before WebFlux
      web.get()
          .uri("/api/v2/origins")
          .header("Origin", SITE)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .valueEquals("Access-Control-Allow-Origin", "*")
          .expectHeader()
          .valueMatches("Access-Control-Expose-Headers", ".*ETag.*Link.*")
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff");
    }
  }

  @Test
  void everyAnswerSaysNoSniff() {
    for (String uri : new String[] {"/api/v2/breeds?bogus=1", "/api/v2/breeds/nope", "/healthz"}) {
      web.get()
          .uri(uri)
          .exchange()
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader()
          .doesNotExist("Access-Control-Allow-Origin"); // no Origin, no CORS headers
    }
  }
}
