package io.catscores.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIT
class BreedsControllerIT {

  @Autowired WebTestClient web;

  private WebTestClient.BodyContentSpec ok(String uri) {
    return web.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody();
  }

  @Test
  void listsActiveBreedsByNameWithPaging() {
    ok("/api/v2/breeds")
        .jsonPath("$.total")
        .isEqualTo(5)
        .jsonPath("$.page")
        .isEqualTo(1)
        .jsonPath("$.pageSize")
        .isEqualTo(20)
        .jsonPath("$.items[*].name")
        .isEqualTo(
            java.util.List.of(
                "Abyssinian", "Abyssinian Hound", "American Curl", "American Shorthair", "Bengal"))
        .jsonPath("$.items[0].temperaments[2]")
        .isEqualTo("Curious")
        .jsonPath("$.items[0].weight.metric")
        .isEqualTo("3 - 5")
        .jsonPath("$.items[0].traits.energy_level")
        .isEqualTo(5);
  }

  @Test
  void pathsWorkWithAndWithoutTrailingSlash() {
    ok("/api/v2/breeds/?temperament=Curious").jsonPath("$.total").isEqualTo(3);
    ok("/api/v2/breeds?temperament=Curious").jsonPath("$.total").isEqualTo(3);
    ok("/api/v2/breeds/?origin=United States").jsonPath("$.total").isEqualTo(2);
    ok("/api/v2/breeds/abys/").jsonPath("$.id").isEqualTo("abys");
  }

  @Test
  void filtersAreCaseInsensitiveAndTemperamentsMustAllMatch() {
    ok("/api/v2/breeds?origin=united states").jsonPath("$.total").isEqualTo(2);
    ok("/api/v2/breeds?temperament=curious&temperament=PLAYFUL")
        .jsonPath("$.items[*].id")
        .isEqualTo(java.util.List.of("acur"));
    ok("/api/v2/breeds?name=american&sort=-name")
        .jsonPath("$.items[*].id")
        .isEqualTo(java.util.List.of("asho", "acur"));
    ok("/api/v2/breeds?source=thedogapi").jsonPath("$.items[0].name").isEqualTo("Abyssinian Hound");
  }

  @Test
  void anEmptyResultIsAnEmptyPage() {
    ok("/api/v2/breeds?origin=Atlantis")
        .jsonPath("$.items")
        .isEmpty()
        .jsonPath("$.total")
        .isEqualTo(0)
        .jsonPath("$.totalPages")
        .isEqualTo(1);
  }

  @Test
  void pagesCarryLinkHeaders() {
    web.get()
        .uri("/api/v2/breeds?pageSize=2&page=2")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .value(
            "Link",
            link ->
                assertThat(link)
                    .contains("page=1&pageSize=2>; rel=\"first\"")
                    .contains("page=1&pageSize=2>; rel=\"prev\"")
                    .contains("page=3&pageSize=2>; rel=\"next\"")
                    .contains("page=3&pageSize=2>; rel=\"last\""))
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(2)
        .jsonPath("$.totalPages")
        .isEqualTo(3);
  }

  @Test
  void detailHasTheImagesInUpstreamOrder() {
    ok("/api/v2/breeds/abys")
        .jsonPath("$.source")
        .isEqualTo("thecatapi")
        .jsonPath("$.images[*].id")
        .isEqualTo(java.util.List.of("img-abys", "img-abys-2"))
        .jsonPath("$.removedAt")
        .doesNotExist();
    ok("/api/v2/breeds/abys?source=thedogapi").jsonPath("$.name").isEqualTo("Abyssinian Hound");
    ok("/api/v2/breeds/gone").jsonPath("$.removedAt").exists();
  }

  @Test
  void unknownBreedIs404ProblemJson() {
    web.get()
        .uri("/api/v2/breeds/nope")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No breed with id 'nope'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v2/breeds?colour=black|Unknown query parameter(s) [colour]",
        "/api/v2/breeds?page=abc|'page' must be a whole number",
        "/api/v2/breeds?page=0|'page' must be between 1",
        "/api/v2/breeds?pageSize=201|'pageSize' must be between 1 and 200",
        "/api/v2/breeds?page=9|page 9 is beyond the last page (1)",
        "/api/v2/breeds?sort=age|'sort' must be one of",
        "/api/v2/breeds?origin=a&origin=b|'origin' may be given once",
        "/api/v2/breeds/abys?page=1|Unknown query parameter(s) [page]",
        "/api/v2/origins?x=1|Unknown query parameter(s) [x]"
      })
  void badParametersAre400ProblemJson(String caseLine) {
    String[] parts = caseLine.split("\\|");
    web.get()
        .uri(parts[0])
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, d -> assertThat(d).contains(parts[1]));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "' OR 1=1 --",
        "Egypt'; DROP TABLE breed; --",
        "%",
        "_",
        "\\",
        "\" OR \"\"=\"",
        "1) UNION SELECT *"
      })
  void sqlInjectionStringsFindNothing(String attack) {
    for (String param : java.util.List.of("origin", "temperament", "name", "source")) {
      web.get()
          .uri(b -> b.path("/api/v2/breeds").queryParam(param, "{v}").build(attack))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.total")
          .isEqualTo(0);
    }
    ok("/api/v2/breeds").jsonPath("$.total").isEqualTo(5);
  }

  @Test
  void originsAndTemperamentsCountActiveBreeds() {
    ok("/api/v2/origins")
        .jsonPath("$[?(@.origin == 'United States')].breeds")
        .isEqualTo(java.util.List.of(2))
        .jsonPath("$[?(@.origin == 'Nowhere')]")
        .isEmpty();
    ok("/api/v2/temperaments")
        .jsonPath("$[?(@.temperament == 'Curious')].breeds")
        .isEqualTo(java.util.List.of(3));
  }

  @Test
  void strongETagsAnswer304() {
    String etag =
        web.get()
            .uri("/api/v2/breeds?origin=Egypt")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .value("Cache-Control", c -> assertThat(c).contains("max-age=300"))
            .expectBody()
            .returnResult()
            .getResponseHeaders()
            .getETag();
    assertThat(etag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
    web.get()
        .uri("/api/v2/breeds?origin=Egypt")
        .header("If-None-Match", etag)
        .exchange()
        .expectStatus()
        .isNotModified()
        .expectBody()
        .isEmpty();
    web.get()
        .uri("/api/v2/breeds?origin=egypt&pageSize=1")
        .header("If-None-Match", etag)
        .exchange()
        .expectStatus()
        .isOk();
  }
}
