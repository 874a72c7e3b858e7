package io.catscores.syncronizer.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.devstack.SharedServers;
import io.catscores.devstack.UpstreamReplica;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The control API over real HTTP, with the real scheduler, database and upstream replica. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"scores.bridge-enabled=false", "control.admin-token=it-admin-token-123"})
@ExtendWith(OutputCaptureExtension.class)
class JobsControllerIT {

  private static final String TOKEN = "it-admin-token-123";
  private static final String CATALOG = "catalog-thecatapi";
  private static final UpstreamReplica UPSTREAM = UpstreamReplica.start(0);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    String url = SharedServers.freshDatabase("control");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("redis.port", () -> SharedServers.redis().port());
    registry.add("UPSTREAM_CATAPI_URL", UPSTREAM::baseUrl);
    registry.add("scores.stream", () -> "test:control:scores");
  }

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry breakers;

  @AfterAll
  static void stop() {
    UPSTREAM.close();
  }

  @Test
  void listsEveryJobWithItsStateScheduleAndLastRun() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "succeeded".equals(job(CATALOG).path("lastRun").path("outcome").asString()));
    JsonNode jobs = json(get("/api/v1/sync/jobs"));
    assertThat(jobs.findValuesAsString("name")).contains(CATALOG, "score-drain");
    JsonNode catalog = job(CATALOG);
    assertThat(catalog.path("state").asString()).isEqualTo("running");
    assertThat(catalog.path("source").asString()).isEqualTo("thecatapi");
    assertThat(catalog.path("schedule").asString()).isEqualTo("every PT1H");
    assertThat(catalog.path("breaker").asString()).isEqualTo("CLOSED");
    assertThat(catalog.path("nextFireTime").isNull()).isFalse();
    JsonNode runs = json(get("/api/v1/sync/runs?job=" + CATALOG + "&limit=5"));
    assertThat(runs.findValuesAsString("outcome")).contains("succeeded");
    assertThat(runs.get(runs.size() - 1).path("inserted").asInt()).isPositive(); // the first run
    assertThat(runs.get(0).path("instance").asString()).isNotBlank(); // which replica ran it
  }

  @Test
  void commandsNeedTheAdminTokenAndNeverLogIt(CapturedOutput output) throws Exception {
    HttpResponse<String> none = post("/api/v1/sync/jobs/" + CATALOG + "/trigger", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> wrong =
        post("/api/v1/sync/jobs/" + CATALOG + "/pause", "Bearer guess-123456");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(json(wrong).path("detail").asString()).contains("not the admin token");
    assertThat(job(CATALOG).path("state").asString()).isEqualTo("running");

    assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain("guess-123456");
  }

  /** A refusal's log line names the path, but never a MAC or uuid in it, escaped or not. */
  @Test
  void aRefusedCommandsLogLineCarriesNoCredential(CapturedOutput output) throws Exception {
    String mac = "24:6F:28:AA:10:09";
    for (String job : new String[] {mac, mac.replace(":", "%3A")}) {
      String path = "/api/v1/sync/jobs/" + job + "/trigger";
      assertThat(postFrom("127.0.0.3", path, "guess")).startsWith("HTTP/1.1 403");
    }
    String line = "Control command /api/v1/sync/jobs/[redacted]/trigger refused";
    await() // log lines are written asynchronously
        .atMost(Duration.ofSeconds(10))
        .until(() -> output.getAll().split(Pattern.quote(line), -1).length > 2);
    assertThat(output.getAll())
        .doesNotContainIgnoringCase(mac)
        .doesNotContainIgnoringCase(mac.replace(":", "%3A"));
  }

  /** A raw HTTP/1.1 POST from another loopback address: another client of the limiter. */
  private String postFrom(String localAddress, String path, String token) throws Exception {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.bind(new java.net.InetSocketAddress(localAddress, 0));
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      socket.setSoTimeout(10_000);
      String request =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes());
    }
  }

  @Test
  void repeatedFailedTokensAreLimitedPerClientAndCounted() throws Exception {
    String path = "/api/v1/sync/jobs/nope/trigger"; // 404 once the token is accepted
    for (int i = 0; i < 5; i++) { // the burst: 5 wrong guesses are answered 403
      assertThat(postFrom("127.0.0.2", path, "guess-" + i)).startsWith("HTTP/1.1 403");
    }
    String blocked = postFrom("127.0.0.2", path, "guess-5");
    assertThat(blocked).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: ");
    // Even the right token is refused from that client for now, so guessing cannot go on...
    assertThat(postFrom("127.0.0.2", path, TOKEN)).startsWith("HTTP/1.1 429");
    // ...while other clients are not affected.
    assertThat(post(path, "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .containsPattern("control_auth_refused_total\\{[^}]*reason=\"wrong\"[^}]*\\} [1-9]")
        .containsPattern("control_auth_refused_total\\{[^}]*reason=\"blocked\"[^}]*\\} [1-9]");
  }

  @Test
  void pauseResumeAndTriggerAJob() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> !job(CATALOG).path("lastRun").isNull());
    HttpResponse<String> paused =
        post("/api/v1/sync/jobs/" + CATALOG + "/pause", "Bearer " + TOKEN);
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(json(paused).path("state").asString()).isEqualTo("paused");
    assertThat(job(CATALOG).path("state").asString()).isEqualTo("paused");

    HttpResponse<String> resumed =
        post("/api/v1/sync/jobs/" + CATALOG + "/resume", "Bearer " + TOKEN);
    assertThat(json(resumed).path("state").asString()).isEqualTo("running");

    long lastRun = job(CATALOG).path("lastRun").path("id").asLong();
    HttpResponse<String> triggered =
        post("/api/v1/sync/jobs/" + CATALOG + "/trigger", "Bearer " + TOKEN);
    assertThat(triggered.statusCode()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> job(CATALOG).path("lastRun").path("id").asLong() > lastRun);
  }

  @Test
  void anOpenBreakerShowsOnTheJob() throws Exception {
    CircuitBreaker breaker = breakers.circuitBreaker("thecatapi");
    breaker.transitionToOpenState();
    try {
      assertThat(job(CATALOG).path("breaker").asString()).isEqualTo("OPEN");
    } finally {
      breaker.reset();
    }
    assertThat(job(CATALOG).path("breaker").asString()).isEqualTo("CLOSED");
  }

  @Test
  void badRequestsGetProblemDetails() throws Exception {
    assertProblem(getResponse("/api/v1/sync/jobs/nope"), 404, "No job named 'nope'");
    assertProblem(getResponse("/api/v1/sync/runs?limit=0"), 400, "limit must be between 1 and 500");
    assertProblem(getResponse("/api/v1/sync/runs?limit=lots"), 400, "limit");
    assertProblem(getResponse("/api/v1/sync/runs?job=nope"), 400, "Unknown job 'nope'");
    assertProblem(post("/api/v1/sync/jobs/nope/trigger", "Bearer " + TOKEN), 404, "No job named");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).path("detail").asString()).contains(detail);
  }

  private JsonNode job(String name) throws Exception {
    return json(get("/api/v1/sync/jobs/" + name));
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = getResponse(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }

  private HttpResponse<String> getResponse(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String authorization) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
