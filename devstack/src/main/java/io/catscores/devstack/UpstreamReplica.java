package io.catscores.devstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * An offline TheCatAPI replica: WireMock serving the recorded catalogue in {@code
 * upstream/thecatapi/} with the upstream's URLs and response shapes. The local run syncs from it
 * when no upstream URL is configured; tests add faults on top through {@link #wireMock()}.
 */
public final class UpstreamReplica implements AutoCloseable {

  private static final String RECORDING = "/upstream/thecatapi/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;

  private UpstreamReplica(WireMockServer server) {
    this.server = server;
  }

  /** Starts the replica on {@code port} (0 for any free port) with the recorded catalogue. */
  public static UpstreamReplica start(int port) {
    var server =
        new WireMockServer(
            options()
                .port(port > 0 ? port : 0)
                .bindAddress("127.0.0.1")
                .maxRequestJournalEntries(10_000));
    server.start();
    var replica = new UpstreamReplica(server);
    replica.resetToRecording();
    return replica;
  }

  /** Drops every stub (faults included) and serves the recorded catalogue again. */
  public void resetToRecording() {
    server.resetAll();
    ArrayNode breeds = read("breeds.json");
    ArrayNode categories = read("categories.json");
    ArrayNode images = read("images.json");
    server.stubFor(get(urlPathEqualTo("/v1/breeds")).willReturn(okJson(breeds.toString())));
    server.stubFor(get(urlPathEqualTo("/v1/categories")).willReturn(okJson(categories.toString())));
    server.stubFor(
        get(urlPathEqualTo("/v1/images/search")).atPriority(10).willReturn(okJson("[]")));

    Map<String, JsonNode> breedById = new HashMap<>();
    breeds.forEach(b -> breedById.put(b.path("id").asText(), b));
    Map<Integer, JsonNode> categoryById = new HashMap<>();
    categories.forEach(c -> categoryById.put(c.path("id").asInt(), c));
    Map<String, ArrayNode> byBreed = new HashMap<>();
    Map<Integer, ArrayNode> byCategory = new HashMap<>();
    for (JsonNode image : images) {
      ObjectNode shaped = JSON.createObjectNode();
      shaped.put("id", image.path("id").asText());
      shaped.put("url", image.path("url").asText());
      shaped.put("width", image.path("width").asInt());
      shaped.put("height", image.path("height").asInt());
      ArrayNode imageBreeds = shaped.putArray("breeds");
      image.path("breed_ids").forEach(id -> imageBreeds.add(breedById.get(id.asText())));
      ArrayNode imageCategories = shaped.putArray("categories");
      image.path("category_ids").forEach(id -> imageCategories.add(categoryById.get(id.asInt())));
      image
          .path("breed_ids")
          .forEach(
              id -> byBreed.computeIfAbsent(id.asText(), k -> JSON.createArrayNode()).add(shaped));
      image
          .path("category_ids")
          .forEach(
              id ->
                  byCategory.computeIfAbsent(id.asInt(), k -> JSON.createArrayNode()).add(shaped));
    }
    byBreed.forEach((id, list) -> stubImageSearch("breed_ids", id, list));
    byCategory.forEach((id, list) -> stubImageSearch("category_ids", String.valueOf(id), list));
  }

  private void stubImageSearch(String parameter, String value, ArrayNode list) {
    // The upstream honours limit; the syncronizer asks for 3.
    for (int limit = 1; limit <= 10; limit++) {
      ArrayNode page = JSON.createArrayNode();
      for (int i = 0; i < Math.min(limit, list.size()); i++) {
        page.add(list.get(i));
      }
      server.stubFor(
          get(urlPathEqualTo("/v1/images/search"))
              .withQueryParam(parameter, equalTo(value))
              .withQueryParam("limit", equalTo(String.valueOf(limit)))
              .willReturn(okJson(page.toString())));
    }
    server.stubFor(
        get(urlPathEqualTo("/v1/images/search"))
            .atPriority(5)
            .withQueryParam(parameter, equalTo(value))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(list.toString())));
  }

  /** The recorded response body of {@code breeds.json} or {@code categories.json}, as served. */
  public static String recording(String file) {
    return read(file).toString();
  }

  private static ArrayNode read(String file) {
    try (InputStream in = UpstreamReplica.class.getResourceAsStream(RECORDING + file)) {
      if (in == null) {
        throw new IllegalStateException("Recording missing from the classpath: " + file);
      }
      return (ArrayNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL the syncronizer is pointed at, without a trailing slash. */
  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** The WireMock server, for tests that inject faults (5xx, delays, resets, bad bodies, 429). */
  public WireMockServer wireMock() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }
}
