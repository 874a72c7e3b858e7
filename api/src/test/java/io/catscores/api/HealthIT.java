package io.catscores.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiIT
class HealthIT {

  @Autowired WebTestClient web;

  @Test
  void healthzAnswers200() {
    web.get()
        .uri("/healthz")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void readyWhenTheDatabaseAnswers() {
    web.get()
        .uri("/healthz/ready")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.database")
        .isEqualTo("UP");
  }

  @Test
  void metricsAreLabelledByRouteTemplate() {
    web.get().uri("/api/v2/breeds/abys").exchange().expectStatus().isOk();
    web.get().uri("/api/v2/breeds/nope").exchange().expectStatus().isNotFound();
    // The IT classes share one app: its metrics hold every route they called (over 256 KiB).
    assertThat(OkBody.of(web, "/metrics"))
        .contains("application=\"api\"")
        .contains("uri=\"/api/v2/breeds/{id}\"")
        .contains("http_server_requests_seconds_bucket")
        .contains("http_server_requests_in_flight")
        .doesNotContain("uri=\"/api/v2/breeds/abys\"");
  }
}
