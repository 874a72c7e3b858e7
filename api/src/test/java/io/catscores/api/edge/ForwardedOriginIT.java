package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind a TLS-terminating proxy (here: the test itself, 127.0.0.1, trusted as in MissLimiterIT,
 * whose context this shares), a page's Link names the scheme and host the client used; a client
 * reaching the api directly still gets its own, from the same cached page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "api.limit.cache-misses-per-second=0.1",
      "api.limit.cache-miss-burst=3",
      "api.limit.trusted-proxies=127.0.0.1"
    })
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = ApiTestDatabase.Initializer.class)
class ForwardedOriginIT {

  private static final String PAGE = "/api/v2/games/BO/leaderboard?pageSize=1&sortBy=recent";

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  @Test
  void linksNameTheOriginTheClientUsed() {
    String proxied =
        web.get()
            .uri(PAGE)
            .header("X-Forwarded-For", "198.51.100.20")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "api.example.org")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("Link");
    assertThat(proxied).startsWith("<https://api.example.org/api/v2/games/BO/leaderboard?");
    String direct =
        web.get()
            .uri(PAGE)
            .header("X-Forwarded-For", "198.51.100.21")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("Link");
    assertThat(direct)
        .startsWith("<http://localhost:" + port + "/api/v2/games/BO/leaderboard?")
        .doesNotContain("example.org");
  }
}
