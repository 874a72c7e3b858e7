package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.api.ApiIT;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The access log line Kibana's "slow requests" and "5xx" searches read, one JSON object each. */
@ApiIT
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired WebTestClient client;

  private static List<JsonNode> accessLines(CapturedOutput output) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.startsWith("{") && line.contains("\"http_request\""))
        .map(JSON::readTree)
        .toList();
  }

  @Test
  void everyRequestIsOneStructuredLineWithItsRouteTemplateCacheHitsIncluded(CapturedOutput output) {
    for (int i = 0; i < 2; i++) { // a cache miss, then a hit that never reaches the controller
      client.get().uri("/api/v2/breeds/beng").exchange().expectStatus().isOk();
    }
    client.get().uri("/api/v2/breeds?bogus=1").exchange().expectStatus().isBadRequest();

    // Written after the answer, through the async appender: wait for the three lines.
    await().atMost(Duration.ofSeconds(10)).until(() -> accessLines(output).size() >= 3);
    List<JsonNode> lines = accessLines(output);
    List<JsonNode> detail =
        lines.stream()
            .filter(l -> l.path("path").asString().equals("/api/v2/breeds/beng"))
            .toList();
    assertThat(detail).hasSize(2);
    for (JsonNode line : detail) {
      assertThat(line.path("service").asString()).isEqualTo("api");
      assertThat(line.path("route").asString()).isEqualTo("/api/v2/breeds/{id}");
      assertThat(line.path("status").asInt()).isEqualTo(200);
      assertThat(line.path("method").asString()).isEqualTo("GET");
      assertThat(line.path("duration_ms").isNumber()).isTrue();
      assertThat(line.path("traceId").asString()).matches("[0-9a-f]{32}");
      assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
    }
    assertThat(detail.get(0).path("traceId")).isNotEqualTo(detail.get(1).path("traceId"));
    assertThat(lines)
        .anySatisfy(
            line -> {
              assertThat(line.path("path").asString()).isEqualTo("/api/v2/breeds");
              assertThat(line.path("status").asInt()).isEqualTo(400);
              assertThat(line.path("route").asString()).isEqualTo("/api/v2/breeds");
            });
  }

  @Test
  void aCallersW3cTraceIsContinuedAndUnknownPathsAreNotLabelledByThemselves(CapturedOutput output) {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    client
        .get()
        .uri("/api/v2/breeds/abys")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .exchange()
        .expectStatus()
        .isOk();
    client.get().uri("/no/such/page").exchange().expectStatus().isNotFound();

    await().atMost(Duration.ofSeconds(10)).until(() -> accessLines(output).size() >= 2);
    assertThat(accessLines(output))
        .anySatisfy(
            line -> {
              assertThat(line.path("path").asString()).isEqualTo("/api/v2/breeds/abys");
              assertThat(line.path("traceId").asString()).isEqualTo(traceId);
              assertThat(line.path("spanId").asString()).isNotEqualTo("00f067aa0ba902b7");
            })
        .anySatisfy(
            line -> {
              assertThat(line.path("path").asString()).isEqualTo("/no/such/page");
              assertThat(line.path("status").asInt()).isEqualTo(404);
              // The static resource mapping's "/**": a bounded label, never the raw path.
              assertThat(line.path("route").asString()).isEqualTo("/**");
            });
  }
}
