package io.catscores.api;

import io.catscores.devstack.Migrations;
import io.catscores.devstack.SharedServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class HealthIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String jdbcUrl = SharedServers.freshDatabase("api_health");
    Migrations.apply(jdbcUrl);
    registry.add("spring.r2dbc.url", () -> jdbcUrl.replace("jdbc:", "r2dbc:"));
    registry.add("spring.r2dbc.username", () -> Migrations.API_ROLE);
    registry.add("spring.r2dbc.password", () -> Migrations.API_PASSWORD);
  }

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
  void metricsAreExposedForPrometheus() {
    web.get()
        .uri("/metrics")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            body ->
                org.assertj.core.api.Assertions.assertThat(body).contains("application=\"api\""));
  }
}
