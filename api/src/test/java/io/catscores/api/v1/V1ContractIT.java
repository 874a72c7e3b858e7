package io.catscores.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import io.catscores.api.ApiTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The old Flask API's contract, tested the way its clients were written: plain HTTP and untyped
 * JSON ({@code requests.get(url).json()} in Python), no project classes. Each test is one line of
 * what an existing client does; none may ever need changing (doc/api-versions.md).
 */
@ApiIT
class V1ContractIT {

  /** 34 active breeds (more than v2's page of 20), one removed, one id in two sources. */
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ApiTestDatabase.register(registry, ApiTestDatabase.fresh("v1", "v1-catalogue.sql"));
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirect

  @LocalServerPort int port;

  record Response(int status, String contentType, String body) {
    Object json() {
      return JSON.readValue(body, Object.class);
    }
  }

  Response get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Response response) {
    return (List<Map<String, Object>>) response.json();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Response response) {
    return (Map<String, Object>) response.json();
  }

  // for b in get("/api/v1/breeds/").json(): b["name"]
  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/breeds/", "/api/v1/breeds"})
  void theListIsAPlainArrayOfIdAndName(String path) throws Exception {
    Response response = get(path);
    assertThat(response.status()).isEqualTo(200); // answered directly, no redirect
    assertThat(response.contentType()).startsWith("application/json");
    List<String> names = new ArrayList<>();
    for (Map<String, Object> b : list(response)) {
      names.add((String) b.get("name"));
      assertThat(b).containsOnlyKeys("id", "name");
    }
    assertThat(names).contains("Abyssinian", "Bengal", "Extra Cat 30");
  }

  // len(get("/api/v1/breeds/").json()) == every breed, in one call, ordered by id
  @Test
  void oneCallListsEveryActiveBreedOrderedById() throws Exception {
    List<Map<String, Object>> breeds = list(get("/api/v1/breeds/"));
    assertThat(breeds).hasSize(34); // 4 seeded ids (abys in two sources) + 30; "gone" is removed
    List<Object> ids = breeds.stream().map(b -> b.get("id")).toList();
    assertThat(ids).isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
    assertThat(ids).doesNotHaveDuplicates().doesNotContain("gone");
    assertThat(breeds.get(0)).isEqualTo(Map.of("id", "abys", "name", "Abyssinian"));
  }

  // detail["temperament"].split(", "); detail["images"][0]["url"]
  @Test
  void theDetailHasTheOldFieldsAndOneTemperamentString() throws Exception {
    Response response = get("/api/v1/breeds/abys");
    assertThat(response.status()).isEqualTo(200);
    Map<String, Object> detail = object(response);
    assertThat(Arrays.asList(((String) detail.get("temperament")).split(", ")))
        .containsExactly("Active", "Energetic", "Curious");
    assertThat(detail)
        .containsEntry("id", "abys")
        .containsEntry("name", "Abyssinian")
        .containsEntry("origin", "Egypt")
        .containsEntry("description", "Easy to care for.")
        .containsEntry(
            "images",
            List.of(
                Map.of("id", "img-abys", "url", "https://cdn2.thecatapi.com/images/img-abys.jpg"),
                Map.of(
                    "id",
                    "img-abys-2",
                    "url",
                    "https://cdn2.thecatapi.com/images/img-abys-2.jpg")));
  }

  // detail["origin"].upper() for a breed with no origin
  @Test
  void unknownTextFieldsAreEmptyStringsNeverNull() throws Exception {
    Map<String, Object> bengal = object(get("/api/v1/breeds/beng"));
    assertThat(((String) bengal.get("origin")).toUpperCase()).isEmpty();
    Map<String, Object> extra = object(get("/api/v1/breeds/zz01"));
    assertThat((String) extra.get("description")).isEmpty();
    assertThat(extra.get("images")).isEqualTo(List.of());
  }

  // r.status_code == 404 and r.json()["message"] == "not found"
  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/breeds/nope", "/api/v1/breeds/%00", "/api/v1/nothing-here"})
  void unknownIdsAre404WithTheOldMessage(String path) throws Exception {
    Response response = get(path);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(object(response)).isEqualTo(Map.of("message", "not found"));
  }

  // ?origin=Nowhere → 404 {"message": "not found"} (only a removed breed came from there)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "?origin=Nowhere",
        "?temperament=Grumpy",
        "?temperament=",
        "?origin=%00",
        "?temperament=Loyal" // the dog source's abys is not the abys v1 shows
      })
  void aFilterWithNoMatchIs404(String query) throws Exception {
    Response response = get("/api/v1/breeds/" + query);
    assertThat(response.status()).isEqualTo(404);
    assertThat(object(response)).isEqualTo(Map.of("message", "not found"));
  }

  // get("/api/v1/breeds/", params={"origin": "Egypt", "_": time.time()})
  @Test
  void otherParametersNextToAFilterAreIgnored() throws Exception {
    Response response = get("/api/v1/breeds/?origin=Egypt&_=1700000000");
    assertThat(response.status()).isEqualTo(200);
    assertThat(list(response)).containsExactly(Map.of("id", "abys", "name", "Abyssinian"));
  }

  @Test
  void filtersAreCaseInsensitiveAndExact() throws Exception {
    assertThat(list(get("/api/v1/breeds?temperament=CURIOUS")))
        .extracting(b -> b.get("id"))
        .containsExactly("abys", "acur", "beng");
    assertThat(list(get("/api/v1/breeds?origin=united+states")))
        .extracting(b -> b.get("id"))
        .containsExactly("acur", "asho");
    assertThat(get("/api/v1/breeds?origin=United").status()).isEqualTo(404);
  }

  @Test
  void temperamentWinsOverOrigin() throws Exception {
    assertThat(list(get("/api/v1/breeds/?origin=Egypt&temperament=Calm")))
        .extracting(b -> b.get("id"))
        .containsExactly("asho");
  }

  // only unknown parameters, nothing else: 400 {"message": "bad request"}; err too while the
  // fault-injection drill is off (V1FaultInjectionIT has it on)
  @ParameterizedTest
  @ValueSource(strings = {"?_=1", "?name=Bengal", "?err=boom", "?err=boom&_=1"})
  void onlyUnknownParametersAre400(String query) throws Exception {
    Response response = get("/api/v1/breeds/" + query);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(object(response)).isEqualTo(Map.of("message", "bad request"));
  }

  // the old API answered JSON whatever Accept said, even one that is no media type at all:
  // a client sending text/html, or a script's curl -H 'Accept: json', still parses it
  @ParameterizedTest
  @ValueSource(strings = {"text/html", "json", "application/json;q=abc", ";;;"})
  void answersAreJsonWhateverTheClientAccepts(String accept) throws Exception {
    for (String path : List.of("/api/v1/breeds/", "/api/v1/breeds/abys", "/api/v1/breeds/nope")) {
      Response response = get(path, "Accept", accept);
      assertThat(response.status()).as(path).isEqualTo(path.endsWith("nope") ? 404 : 200);
      assertThat(response.contentType()).startsWith("application/json");
      assertThat(response.json()).isNotNull();
    }
  }

  // v1 gets the same machinery as v2: cached, with a strong ETag a client may send back
  @Test
  void answersCarryAnETagAndIfNoneMatchGets304() throws Exception {
    var first =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/breeds/abys"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    var again =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/breeds/abys"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
  }

  // requests.get("http://api:8000/healthz/").status_code == 200
  @ParameterizedTest
  @ValueSource(strings = {"/healthz/", "/healthz"})
  void theHealthCheckAnswersWithAndWithoutTheSlash(String path) throws Exception {
    Response response = get(path);
    assertThat(response.status()).isEqualTo(200);
    assertThat(object(response)).containsEntry("status", "UP");
  }
}
