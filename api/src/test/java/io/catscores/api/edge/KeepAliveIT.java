package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sequential requests on one reused keep-alive connection all get answered. Reactor Netty up to
 * 1.3.7 stopped reading such a connection about once in 100 requests (reactor/reactor-netty#4361):
 * the client waited until its timeout. With 5,000 requests that bug failed this test in every run
 * we made.
 */
@ApiIT
class KeepAliveIT {

  private static final int REQUESTS = 5_000;

  @LocalServerPort int port;

  @Test
  void everyRequestOnAReusedConnectionIsAnswered() throws Exception {
    String[] paths = {
      "/healthz", "/health/readiness", "/api/v2/origins", "/api/v2/breeds/abys", "/api/v2/games"
    };
    List<String> stalled = new ArrayList<>();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < REQUESTS; i++) {
      String path = paths[i % paths.length];
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(2))
              .build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%d: %s", i, path).isEqualTo(200);
      } catch (java.net.http.HttpTimeoutException e) {
        stalled.add(i + ": " + path);
      }
    }
    assertThat(stalled).as("requests that got no answer within 2 s").isEmpty();
  }
}
