package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.api.ApiIT;
import io.catscores.devstack.Migrations;
import io.catscores.devstack.RestartablePostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** While PostgreSQL is down the api answers 503 problem+json, and recovers by itself. */
@ApiIT
@ExtendWith(OutputCaptureExtension.class)
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
  void answers503WhileTheDatabaseIsDownAndRecovers(CapturedOutput output) throws Exception {
    WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    client.get().uri("/api/v2/games").exchange().expectStatus().isOk();

    POSTGRES.stop();
    client
        .get()
        .uri("/api/v2/games")
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
    client.get().uri("/api/v2/breeds?origin=Egypt").exchange().expectStatus().isEqualTo(503);
    // The warning and the access log line of that request carry the same trace id.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> linesAbout(output, "/api/v2/breeds").size() >= 2);
    List<JsonNode> lines = linesAbout(output, "/api/v2/breeds");
    assertThat(lines)
        .extracting(l -> l.path("level").asString())
        .containsExactlyInAnyOrder("WARN", "INFO");
    assertThat(lines.get(0).path("traceId").asString())
        .matches("[0-9a-f]{32}")
        .isEqualTo(lines.get(1).path("traceId").asString());
    client.get().uri("/healthz/ready").exchange().expectStatus().isEqualTo(503);
    client.get().uri("/healthz").exchange().expectStatus().isOk();

    POSTGRES.restart();
    client.get().uri("/api/v2/games").exchange().expectStatus().isOk();
    client.get().uri("/healthz/ready").exchange().expectStatus().isOk();
  }

  private static List<JsonNode> linesAbout(CapturedOutput output, String path) {
    JsonMapper json = JsonMapper.builder().build();
    return output
        .getOut()
        .lines()
        .filter(line -> line.startsWith("{") && line.contains(path))
        .map(json::readTree)
        .filter(
            l ->
                l.path("path").asString().equals(path)
                    || l.path("message").asString().startsWith("Database unavailable for " + path))
        .toList();
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}
