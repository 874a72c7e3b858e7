package io.catscores.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kibana's saved objects export (ndjson): the logs data view and the saved searches. */
final class SavedObjects {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, JsonNode> searches = new LinkedHashMap<>();
  private final Map<String, JsonNode> patterns = new LinkedHashMap<>();

  static SavedObjects read(Path ndjson) throws IOException {
    SavedObjects saved = new SavedObjects();
    for (String line : Files.readAllLines(ndjson)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode object = JSON.readTree(line);
      switch (object.path("type").asText()) {
        case "search" -> saved.searches.put(object.path("id").asText(), object);
        case "index-pattern" -> saved.patterns.put(object.path("id").asText(), object);
        default -> throw new IllegalStateException("unexpected saved object " + line);
      }
    }
    assertThat(saved.patterns).as("one logs data view").hasSize(1);
    for (JsonNode search : saved.searches.values()) {
      assertThat(search.path("references").findValuesAsText("id"))
          .as("%s searches the logs data view", search.path("id").asText())
          .containsExactlyElementsOf(saved.patterns.keySet());
    }
    return saved;
  }

  List<String> searchIds() {
    return new ArrayList<>(searches.keySet());
  }

  /** The index pattern the data view names (catscores-*). */
  String indexPattern() {
    return patterns.values().iterator().next().path("attributes").path("title").asText();
  }

  /** The search's query, which must be Lucene syntax: OpenSearch runs it as Kibana would. */
  String luceneQuery(String id) throws IOException {
    JsonNode query = source(id).path("query");
    assertThat(query.path("language").asText()).as("%s query language", id).isEqualTo("lucene");
    return query.path("query").asText();
  }

  List<String> columns(String id) {
    List<String> columns = new ArrayList<>();
    searches.get(id).path("attributes").path("columns").forEach(c -> columns.add(c.asText()));
    return columns;
  }

  private JsonNode source(String id) throws IOException {
    String json =
        searches
            .get(id)
            .path("attributes")
            .path("kibanaSavedObjectMeta")
            .path("searchSourceJSON")
            .asText();
    return JSON.readTree(json);
  }
}
