package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Errors every route shares: other methods are 405 (the api is read-only, and its database role
 * refuses every write), unknown paths 404, media types other than JSON 406.
 */
@ApiIT
class ErrorsIT {

  @Autowired WebTestClient web;
  @Autowired DatabaseClient db;
  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
  void writesAre405(String method) {
    web.method(HttpMethod.valueOf(method))
        .uri("/api/v2/breeds/abys")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueMatches("Allow", ".*GET.*");
  }

  @Test
  void onlyJsonIsOfferedWhetherTheAnswerIsCachedOrNot() {
    for (int i = 0; i < 2; i++) { // the first fills the response cache, the second could use it
      web.get().uri("/api/v2/origins").exchange().expectStatus().isOk();
      web.get()
          .uri("/api/v2/origins")
          .header("Accept", "application/xml")
          .exchange()
          .expectStatus()
          .isEqualTo(406);
      web.get()
          .uri("/api/v2/origins")
          .header("Accept", "text/html, application/json;q=0.5")
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .contentType(MediaType.APPLICATION_JSON);
      web.get()
          .uri("/api/v2/origins")
          .header("Accept", "text/html, */*;q=0.8")
          .exchange()
          .expectStatus()
          .isOk();
    }
  }

  /** An Accept header that is no list of media types is read as none: JSON, not an empty 406. */
  @Test
  void anUnreadableAcceptIsReadAsNone() {
    for (String accept : new String[] {"json", "application/json;q=abc", ";;;"}) {
      web.get()
          .uri("/api/v2/breeds/abys")
          .header("Accept", accept)
          .exchange()
          .expectStatus()
          .isOk()
          .expectHeader()
          .contentType(MediaType.APPLICATION_JSON)
          .expectBody()
          .jsonPath("$.id")
          .isEqualTo("abys");
    }
  }

  /**
   * One trailing slash is dropped (V1ContractIT), never two: whether the answer is cached or not.
   */
  @Test
  void twoTrailingSlashesAreAnUnknownPathCachedOrNot() {
    web.get().uri("/api/v2/breeds/abys").exchange().expectStatus().isOk();
    web.get().uri("/api/v2/breeds/abys/").exchange().expectStatus().isOk();
    // A URI, not a template: the template would fold the two slashes into one.
    URI twoSlashes = URI.create("http://localhost:" + port + "/api/v2/breeds/abys//");
    web.get().uri(twoSlashes).exchange().expectStatus().isNotFound();
  }

  /** The detail says what is wrong in the client's terms, not Spring's ("No static resource"). */
  @Test
  void unknownPathsAre404ProblemJson() {
    web.get()
        .uri("/api/v3/breeds")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No such path. The api's paths are listed in /api/openapi.json.")
        .jsonPath("$.instance")
        .isEqualTo("/api/v3/breeds");
  }

  /** The api cannot publish badge MACs (credentials at the badge API): it cannot read them. */
  @Test
  void theApiDatabaseRoleCannotReadMacAddresses() {
    Throwable error =
        db.sql("SELECT mac_address FROM score LIMIT 1")
            .fetch()
            .all()
            .then(reactor.core.publisher.Mono.<Throwable>empty())
            .onErrorResume(e -> reactor.core.publisher.Mono.just(e))
            .block();
    assertThat(error).hasMessageContaining("permission denied");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO game (id, name, abbreviation) VALUES (9, 'Pong', 'PO')",
        "UPDATE breed SET name = 'x'",
        "DELETE FROM score",
        "CREATE TABLE intruder (id int)"
      })
  void theApiDatabaseRoleCannotWrite(String sql) {
    Throwable error =
        db.sql(sql)
            .fetch()
            .rowsUpdated()
            .map(n -> (Throwable) null)
            .onErrorResume(e -> reactor.core.publisher.Mono.just(e))
            .block();
    assertThat(error).isNotNull();
    assertThat(error).hasMessageContaining("permission denied");
    assertThat(
            db.sql("SELECT name FROM game WHERE id = 1")
                .map(r -> r.get(0, String.class))
                .one()
                .block())
        .isEqualTo("Breakout");
  }
}
