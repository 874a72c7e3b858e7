package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI document the api serves (made from the code at build time, OpenApiDocumentIT) lists
 * every endpoint and parameter; Swagger UI shows it.
 */
@ApiIT
class OpenApiIT {

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  @Test
  void specListsEveryEndpointParameterAndError() {
    web.get()
        .uri("/api/openapi.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .value(String.class, v -> assertThat(v).startsWith("3."))
        .jsonPath("$.paths['/api/v2/breeds'].get.parameters[*].name")
        .value(
            names ->
                assertThat(names.toString())
                    .contains(
                        "origin", "temperament", "name", "source", "sort", "page", "pageSize"))
        .jsonPath("$.paths['/api/v2/breeds/{id}'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/origins'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/temperaments'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/categories'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/categories/{category}/images'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/images'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/games'].get")
        .exists()
        .jsonPath("$.paths['/api/v2/games/{game}/leaderboard'].get.parameters[*].name")
        .value(names -> assertThat(names.toString()).contains("sortBy", "page", "pageSize"))
        .jsonPath("$.paths['/api/v2/players/{player}'].get")
        .exists()
        .jsonPath(
            "$.paths['/api/v2/breeds'].get.responses['400'].content['application/problem+json']")
        .exists()
        .jsonPath("$.paths['/api/v2/breeds/{id}'].get.responses['404']")
        .exists()
        .jsonPath("$.paths['/api/v2/games'].get.responses['503']")
        .exists()
        .jsonPath("$.components.schemas.Problem.properties.detail")
        .exists()
        .jsonPath("$.paths['/api/v1/breeds'].get.deprecated")
        .isEqualTo(true)
        .jsonPath("$.paths['/api/v1/breeds/{id}'].get.deprecated")
        .isEqualTo(true)
        .jsonPath(
            "$.paths['/api/v1/breeds/{id}'].get.responses['404'].content['application/json']"
                + ".schema['$ref']")
        .isEqualTo("#/components/schemas/LegacyMessage")
        .jsonPath("$.paths['/api/v2/breeds'].get.responses['200'].content['application/json']")
        .exists()
        .jsonPath("$.paths['/api/v2/breeds'].get.security")
        .isEmpty();
  }

  /** The document names the api as this client reached it (ForwardedOriginIT: behind a proxy). */
  @Test
  void theDocumentNamesTheApiAsTheClientReachedIt() {
    web.get()
        .uri("/api/openapi.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.servers[0].url")
        .isEqualTo("http://localhost:" + port)
        .jsonPath("$.info.title")
        .isEqualTo("catscores api");
  }

  /** HEAD as springdoc answered it: a link checker or a probe may send one. */
  @Test
  void headIsAnsweredLikeGet() {
    web.head()
        .uri("/api/openapi.json")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .isEmpty();
    web.head().uri("/api/swagger").exchange().expectStatus().isFound().expectBody().isEmpty();
    web.head()
        .uri("/api/swagger-ui/swagger-initializer.js")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType("text/javascript")
        .expectBody()
        .isEmpty();
  }

  /** Swagger UI: the webjar's page and scripts, with our initializer pointing at our document. */
  @Test
  void swaggerUiIsServed() {
    web.get()
        .uri("/api/swagger")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .location("/api/swagger-ui/index.html")
        .expectBody()
        .isEmpty();
    web.get()
        .uri("/api/swagger-ui/index.html")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(page -> assertThat(page).contains("swagger-initializer.js"));
    web.get()
        .uri("/api/swagger-ui/swagger-initializer.js")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(script -> assertThat(script).contains("\"../openapi.json\""));
    web.get()
        .uri("/api/swagger-ui/index.css")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult();
  }
}
