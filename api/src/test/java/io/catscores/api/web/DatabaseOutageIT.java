package io.catscores.api.web;

import io.catscores.api.ApiIT;
import io.catscores.devstack.Migrations;
import io.catscores.devstack.RestartablePostgres;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** While PostgreSQL is down the api answers 503 problem+json, and recovers by itself. */
@ApiIT
class DatabaseOutageIT {

  private static final RestartablePostgres POSTGRES = RestartablePostgres.start();
  private static final int PORT = POSTGRES.port();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    POSTGRES.server().ensureDatabase("outage");
    Migrations.apply(POSTGRES.server().jdbcUrl("outage"));
    registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://localhost:" + PORT + "/outage");
    registry.add("spring.r2dbc.username", () -> Migrations.API_ROLE);
    registry.add("spring.r2dbc.password", () -> Migrations.API_PASSWORD);
    registry.add("spring.r2dbc.pool.max-acquire-time", () -> "2s");
    registry.add("api.cache.catalogue-ttl", () -> "0s"); // a cached answer would hide the outage
    registry.add("api.cache.scores-ttl", () -> "0s");
    registry.add("spring.r2dbc.pool.max-create-connection-time", () -> "2s");
  }

  @Autowired WebTestClient web;

  @Test
  void answers503WhileTheDatabaseIsDownAndRecovers() throws Exception {
    WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    client.get().uri("/api/v1/games").exchange().expectStatus().isOk();

    POSTGRES.stop();
    client
        .get()
        .uri("/api/v1/games")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The database is unavailable; the request can be retried shortly.");
    client.get().uri("/api/v1/breeds?origin=Egypt").exchange().expectStatus().isEqualTo(503);
    client.get().uri("/healthz/ready").exchange().expectStatus().isEqualTo(503);
    client.get().uri("/healthz").exchange().expectStatus().isOk();

    POSTGRES.restart();
    client.get().uri("/api/v1/games").exchange().expectStatus().isOk();
    client.get().uri("/healthz/ready").exchange().expectStatus().isOk();
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}
