package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the OpenAPI document the api serves from the code: springdoc (a test dependency) reads the
 * controllers' annotations, OpenApiConfig adds the error answers. The api ships the result
 * (src/main/resources/docs/openapi.json) and loads neither, ~930 classes and 12 MiB of resident
 * memory less (doc/benchmarks.md). When the code's document differs from the committed one, this
 * test writes the new one in its place and fails: review the diff and commit it. Its {@code
 * servers} entry is left out; the api adds the one each client sees (OpenApiIT, ForwardedOriginIT).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "springdoc.api-docs.enabled=true",
      "springdoc.api-docs.path=/generated/openapi.json",
      "springdoc.default-produces-media-type=application/json",
      "springdoc.show-actuator=false",
      "springdoc.writer-with-order-by-keys=true",
      "api.limit.cache-misses-per-second=0"
    })
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = ApiTestDatabase.Initializer.class)
@Import(OpenApiConfig.class)
class OpenApiDocumentIT {

  static final Path COMMITTED = Path.of("src/main/resources/docs/openapi.json");

  @Autowired WebTestClient web;
  @Autowired JsonMapper json;

  @Test
  void theCommittedDocumentIsTheCodes() throws IOException {
    byte[] generated =
        web.get()
            .uri("/generated/openapi.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    ObjectNode document = (ObjectNode) json.readTree(generated);
    document.remove("servers");
    String expected = json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    String committed =
        Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
    if (!committed.equals(expected)) {
      Files.writeString(COMMITTED, expected, StandardCharsets.UTF_8);
    }
    assertThat(committed)
        .as("%s was not the code's document; rewritten: review the diff and commit it", COMMITTED)
        .isEqualTo(expected);
  }
}
