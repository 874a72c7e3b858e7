package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The OpenAPI document is generated from the code and lists every endpoint and parameter. */
@ApiIT
class OpenApiIT {

  @Autowired WebTestClient web;

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

  @Test
  void swaggerUiIsServed() {
    web.get().uri("/api/swagger").exchange().expectStatus().is3xxRedirection();
    web.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
  }
}
