package io.catscores.api.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Readiness: the database answers within two seconds. (Liveness, /healthz, is the actuator's.) */
@RestController
@Tag(name = "health", description = "Readiness for load balancers and probes")
class ReadinessController {

  private final DatabaseClient db;

  ReadinessController(DatabaseClient db) {
    this.db = db;
  }

  @GetMapping("/healthz/ready")
  @Operation(summary = "Ready to serve: 200 when the database answers, else 503")
  Mono<ResponseEntity<Map<String, Object>>> ready() {
    return db.sql("SELECT 1")
        .map(row -> 1)
        .one()
        .timeout(Duration.ofSeconds(2))
        .map(ok -> ResponseEntity.ok(Map.<String, Object>of("status", "UP", "database", "UP")))
        .onErrorResume(
            e ->
                Mono.just(
                    ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("status", "DOWN", "database", "DOWN"))));
  }
}
