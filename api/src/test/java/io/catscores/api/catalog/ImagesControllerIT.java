package io.catscores.api.catalog;

import io.catscores.api.ApiIT;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIT
class ImagesControllerIT {

  @Autowired WebTestClient web;

  private WebTestClient.BodyContentSpec ok(String uri) {
    return web.get().uri(uri).exchange().expectStatus().isOk().expectBody();
  }

  @Test
  void categoriesWithImageCounts() {
    ok("/api/v2/categories")
        .jsonPath("$[*].name")
        .isEqualTo(List.of("boxes", "hats", "sunglasses"))
        .jsonPath("$[?(@.name == 'hats')].images")
        .isEqualTo(List.of(2));
  }

  @Test
  void categoryImagesByNameOrId() {
    ok("/api/v2/categories/hats/images")
        .jsonPath("$.items[*].id")
        .isEqualTo(List.of("img-hat-1", "img-hat-2"));
    ok("/api/v2/categories/HATS/images").jsonPath("$.total").isEqualTo(2);
    ok("/api/v2/categories/4/images")
        .jsonPath("$.items[0].url")
        .isEqualTo("https://cdn2.thecatapi.com/images/img-glasses.jpg");
    ok("/api/v2/categories/boxes/images").jsonPath("$.items").isEmpty();
  }

  @Test
  void unknownCategoryIs404() {
    web.get()
        .uri("/api/v2/categories/capes/images")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("No category 'capes'");
  }

  @Test
  void imagesFilteredByBreedAndCategory() {
    ok("/api/v2/images").jsonPath("$.total").isEqualTo(5);
    ok("/api/v2/images?breed=abys")
        .jsonPath("$.items[*].id")
        .isEqualTo(List.of("img-abys", "img-abys-2"));
    ok("/api/v2/images?category=sunglasses")
        .jsonPath("$.items[*].id")
        .isEqualTo(List.of("img-glasses"));
    ok("/api/v2/images?breed=abys&category=hats").jsonPath("$.total").isEqualTo(0);
    ok("/api/v2/images?category=capes").jsonPath("$.total").isEqualTo(0);
    ok("/api/v2/images?pageSize=2&page=3").jsonPath("$.items.length()").isEqualTo(1);
  }

  @Test
  void badParametersAre400() {
    web.get()
        .uri("/api/v2/images?breed_ids=abys")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    web.get().uri("/api/v2/categories/hats/images?page=2").exchange().expectStatus().isBadRequest();
  }
}
