package io.catscores.api.status;

import io.catscores.api.ApiIT;
import io.catscores.api.ApiTestDatabase;
import io.catscores.devstack.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** /api/v2/status: each source's age against its schedule, and the score queue. */
@ApiIT
class StatusIT {

  private static final String DATABASE = ApiTestDatabase.fresh("status", "status-schedule.sql");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestDatabase.register(registry, DATABASE);
  }

  @Autowired WebTestClient web;

  @Test
  void aCatalogueOlderThanTwoIntervalsAndALaggingQueueAreStale() throws Exception {
    try (Connection owner = DriverManager.getConnection(DATABASE, PostgresServer.SUPERUSER, "")) {
      owner
          .createStatement()
          .execute(
              "INSERT INTO queue_status (observed_at, stream_length, pending, oldest_undelivered)"
                  + " VALUES (now(), 120, 20, now() - interval '90 seconds')");
    }
    web.get()
        .uri("/api/v2/status")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.stale")
        .isEqualTo(true)
        .jsonPath("$.catalogue[0].source")
        .isEqualTo("thecatapi")
        .jsonPath("$.catalogue[0].lastSuccessAt")
        .isEqualTo("2026-11-04T12:00:00Z")
        .jsonPath("$.catalogue[0].lastOutcome")
        .isEqualTo("succeeded")
        .jsonPath("$.catalogue[0].interval")
        .isEqualTo("PT1H")
        .jsonPath("$.catalogue[0].stale")
        .isEqualTo(true)
        .jsonPath("$.scores.newestScoreAt")
        .isEqualTo("2026-11-03T10:00:00Z")
        .jsonPath("$.scores.queue.length")
        .isEqualTo(120)
        .jsonPath("$.scores.queue.lagSeconds")
        .value(
            lag ->
                org.assertj.core.api.Assertions.assertThat(((Number) lag).doubleValue())
                    .isGreaterThanOrEqualTo(89.0))
        .jsonPath("$.scores.stale")
        .isEqualTo(true);
  }
}
