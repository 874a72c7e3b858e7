package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * 10 000 randomized requests (paths, parameters, values, headers, methods) from a fixed seed: not
 * one may answer 5xx. A failure names the request, so it can be replayed.
 */
@ApiIT
class FuzzIT {

  private static final long SEED = 20261126L;
  private static final int REQUESTS = 10_000;
  private static final List<String> PATHS =
      List.of(
          "/api/v2/breeds",
          "/api/v2/breeds/",
          "/api/v2/breeds/{s}",
          "/api/v2/origins",
          "/api/v2/temperaments",
          "/api/v2/categories",
          "/api/v2/categories/{s}/images",
          "/api/v2/images",
          "/api/v2/games",
          "/api/v2/games/{s}/leaderboard",
          "/api/v2/players/{s}",
          "/api/v2/{s}",
          "/api/v1/breeds",
          "/api/v1/breeds/",
          "/api/v1/breeds/{s}",
          "/api/v1/{s}",
          "/api/{s}",
          "/healthz",
          "/healthz/",
          "/healthz/ready",
          "/api/openapi.json",
          "/{s}");
  private static final List<String> PARAMS =
      List.of(
          "origin",
          "temperament",
          "name",
          "source",
          "sort",
          "page",
          "pageSize",
          "sortBy",
          "breed",
          "category",
          "limit",
          "err",
          "_",
          "x",
          "");
  private static final List<String> VALUES =
      List.of(
          "",
          " ",
          "0",
          "-1",
          "1",
          "2",
          "200",
          "201",
          "2147483648",
          "99999999999999999999",
          "1e3",
          "abc",
          "United States",
          "curious",
          "CURIOUS",
          "best",
          "worst",
          "stale",
          "-name",
          "hats",
          "' OR 1=1 --",
          "'; DROP TABLE breed; --",
          "%",
          "%%",
          "_",
          "\\",
          "\"",
          "null",
          "[]",
          "{}",
          "\u00e9\u00e8\u4e2d\u6587",
          "\ud83d\udc31",
          "a".repeat(300),
          "aaaaaaaa-0000-4000-8000-000000000001",
          "playeraaaaaa",
          "../../etc/passwd",
          "<script>alert(1)</script>",
          "\t",
          "\u0000");
  private static final List<HttpMethod> METHODS =
      List.of(
          HttpMethod.GET,
          HttpMethod.GET,
          HttpMethod.GET,
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.DELETE,
          HttpMethod.PATCH,
          HttpMethod.OPTIONS);
  private static final List<String> ACCEPTS =
      List.of(
          "application/json",
          "*/*",
          "text/html",
          "application/xml",
          "garbage",
          "application/problem+json");

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  @Test
  void noRandomRequestGetsA5xx() {
    Random random = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      String path = pick(random, PATHS).replace("{s}", encode(pick(random, VALUES), true));
      StringBuilder query = new StringBuilder();
      for (int p = random.nextInt(4); p > 0; p--) {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(encode(pick(random, PARAMS), false))
            .append('=')
            .append(encode(pick(random, VALUES), false));
      }
      HttpMethod method = pick(random, METHODS);
      URI uri = URI.create("http://localhost:" + port + path + query);
      var request = web.method(method).uri(uri).header("Accept", pick(random, ACCEPTS));
      // Header values as a real client can send them: printable ASCII, trimmed, not empty.
      String etag = pick(random, VALUES).replaceAll("[^\\x21-\\x7e ]", "").trim();
      if (random.nextInt(5) == 0 && !etag.isEmpty()) {
        request = request.header("If-None-Match", etag);
      }
      int status;
      try {
        // The body is read to its end: one left unread keeps its pooled connection, and after
        // 500 of them every later request of every class sharing this app waited for one (CI).
        status = request.exchange().expectBody().returnResult().getStatus().value();
      } catch (RuntimeException e) {
        throw new AssertionError("request " + i + ": " + method + " " + uri + " failed", e);
      }
      statuses.merge(status, 1, Integer::sum);
      assertThat(status).as("request %d: %s %s", i, method, uri).isLessThan(500);
    }
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
    System.out.println("fuzz statuses: " + statuses);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String encode(String value, boolean pathSegment) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return pathSegment ? encoded.replace("+", "%20") : encoded;
  }
}
