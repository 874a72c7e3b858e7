package io.catscores.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/** A real single-node OpenSearch in this JVM, fed and queried over its HTTP API like Kibana. */
final class LogIndex implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("yyyy.MM.dd");
  private final OpenSearchRunner runner;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private LogIndex(OpenSearchRunner runner, int port) {
    this.runner = runner;
    this.base = "http://localhost:" + port;
  }

  static LogIndex start(Path directory) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(-1); // take the free port found above instead of probing 9201-9299
    runner.build(
        OpenSearchRunner.newConfigs()
            .basePath(directory.resolve("opensearch").toString())
            .clusterName("catscores-logsearch")
            .numOfNode(1)
            .baseHttpPort(port - 1)); // node 1 listens on base + 1
    runner.ensureYellow();
    return new LogIndex(runner, port);
  }

  void putTemplate(Path template) throws IOException, InterruptedException {
    send("PUT", "/_index_template/catscores", Files.readString(template), 200);
  }

  /** Indexes each line as fluentd's elasticsearch output does: daily index by @timestamp. */
  void ship(List<JsonNode> lines) throws IOException, InterruptedException {
    StringBuilder bulk = new StringBuilder();
    for (JsonNode line : lines) {
      String day =
          OffsetDateTime.parse(line.path("@timestamp").asText())
              .withOffsetSameInstant(ZoneOffset.UTC)
              .format(DAILY);
      bulk.append(JSON.writeValueAsString(Map.of("index", Map.of("_index", "catscores-" + day))));
      bulk.append('\n').append(JSON.writeValueAsString(line)).append('\n');
    }
    JsonNode answer = send("POST", "/_bulk?refresh=true", bulk.toString(), 200);
    assertThat(answer.path("errors").asBoolean())
        .as("bulk indexing errors: %s", answer.toString().substring(0, 2_000))
        .isFalse();
  }

  /** The top-level fields mapped in the indices of {@code pattern}. */
  List<String> fieldNames(String pattern) throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    for (JsonNode index : send("GET", "/" + pattern + "/_mapping", null, 200)) {
      index.path("mappings").path("properties").fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** Every hit's source for a Lucene query string, as Kibana's Discover runs it. */
  List<JsonNode> search(String pattern, String lucene) throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "size",
                1000,
                "track_total_hits",
                true,
                "query",
                Map.of("query_string", Map.of("query", lucene, "analyze_wildcard", true))));
    JsonNode answer = send("POST", "/" + pattern + "/_search", body, 200);
    List<JsonNode> hits = new ArrayList<>();
    for (Iterator<JsonNode> it = answer.path("hits").path("hits").elements(); it.hasNext(); ) {
      hits.add(it.next().path("_source"));
    }
    assertThat(answer.path("hits").path("total").path("value").asInt()).isEqualTo(hits.size());
    return hits;
  }

  private JsonNode send(String method, String path, String body, int status)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header(
                "Content-Type",
                path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws IOException {
    runner.close();
    runner.clean();
  }
}
