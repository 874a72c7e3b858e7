package io.catscores.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP calls the scenario makes, answering status codes. */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  int get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url))).statusCode();
  }

  int post(String url, String bearerToken) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + bearerToken)
            .POST(HttpRequest.BodyPublishers.noBody()))
        .statusCode();
  }

  /** The outcome of a job's last run from the control API, or "none". */
  String lastRunOutcome(String jobUrl) throws Exception {
    String body = send(HttpRequest.newBuilder(URI.create(jobUrl))).body();
    return JSON.readTree(body).path("lastRun").path("outcome").asText("none");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
