package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind a TLS-terminating proxy (here: the test itself, 127.0.0.1, trusted as in MissLimiterIT,
 * whose context this shares), a page's Link names the scheme and host the client used; a client
 * reaching the api directly still gets its own, from the same cached page.
 */
@BehindTrustedProxy
class ForwardedOriginIT {

  private static final String PAGE = "/api/v2/games/BO/leaderboard?pageSize=1&sortBy=recent";

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  @Test
  void linksNameTheOriginTheClientUsed() {
    assertThat(
            linkFor(
                "198.51.100.20",
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "api.example.org"))
        .startsWith("<https://api.example.org/api/v2/games/BO/leaderboard?");
    assertThat(linkFor("198.51.100.21"))
        .startsWith("<http://localhost:" + port + "/api/v2/games/BO/leaderboard?")
        .doesNotContain("example.org");
  }

  /** Served under a path by the proxy: that path in every Link, and only for its clients. */
  @Test
  void linksKeepThePathPrefixTheProxyServesTheApiUnder() {
    assertThat(linkFor("198.51.100.22", "X-Forwarded-Prefix", "/catscores"))
        .startsWith("<http://localhost:" + port + "/catscores/api/v2/games/BO/leaderboard?");
    assertThat(linkFor("198.51.100.23"))
        .startsWith("<http://localhost:" + port + "/api/v2/games/BO/leaderboard?");
  }

  /**
   * The prefix is only for Links: routes still match the path the api was sent (v1 included, a
   * trailing slash too).
   */
  @Test
  void aPrefixedRequestReachesItsRoute() {
    int client = 30; // one client per request: MissLimiterIT's per-client limit is on here
    for (String accept : new String[] {"application/json", "json", "text/html, */*;q=0.1"}) {
      for (String uri :
          new String[] {
            "/api/v1/breeds/abys", "/api/v2/breeds/abys", "/api/v1/breeds/", "/api/v2/origins/"
          }) {
        web.get()
            .uri(uri)
            .header("X-Forwarded-For", "198.51.100." + client++)
            .header("X-Forwarded-Prefix", "/catscores")
            .header("Accept", accept)
            .exchange()
            .expectStatus()
            .isOk();
      }
    }
  }

  /**
   * The OpenAPI document names the api where the proxy serves it, and Swagger UI's redirect keeps
   * the prefix (its page finds the document relative to itself).
   */
  @Test
  void theOpenApiDocumentAndSwaggerUiFollowThePrefix() {
    web.get()
        .uri("/api/openapi.json")
        .header("X-Forwarded-For", "198.51.100.40")
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "cats.example.org")
        .header("X-Forwarded-Prefix", "/catscores")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.servers[0].url")
        .isEqualTo("https://cats.example.org/catscores");
    web.get()
        .uri("/api/swagger")
        .header("X-Forwarded-For", "198.51.100.41")
        .header("X-Forwarded-Prefix", "/catscores")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .location("/catscores/api/swagger-ui/index.html")
        .expectBody()
        .isEmpty();
  }

  private String linkFor(String client, String... headers) {
    var request = web.get().uri(PAGE).header("X-Forwarded-For", client);
    for (int i = 0; i < headers.length; i += 2) {
      request = request.header(headers[i], headers[i + 1]);
    }
    return request
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult()
        .getResponseHeaders()
        .getFirst("Link");
  }
}
