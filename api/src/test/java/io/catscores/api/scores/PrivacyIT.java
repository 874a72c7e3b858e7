package io.catscores.api.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catscores.api.ApiIT;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A player's user_uuid and badge MAC address are the badge API's credentials: no answer and no log
 * line may carry them, whichever way a client asks (every leaderboard order and page, player pages
 * by id and by uuid, errors). Scans every body and the captured log output for both.
 */
@ApiIT
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {

  private static final String UUID = "dddddddd-0000-4000-8000-000000000004";
  private static final String MAC = "24:6F:28:AA:10:09";
  private static final List<String> SECRETS =
      List.of(UUID, UUID.replace("-", ""), MAC, MAC.toLowerCase(), MAC.replace(":", ""));

  private static final Pattern ESCAPE = Pattern.compile("%([0-9a-fA-F]{2})");

  @Autowired WebTestClient web;
  @LocalServerPort int port;

  private final List<String> scanned = new ArrayList<>();

  private void scan(String uri, int status) {
    var result = // sent as written, escapes included
        web.get()
            .uri(URI.create("http://localhost:" + port + uri))
            .exchange()
            .expectStatus()
            .isEqualTo(status);
    String body = new String(result.expectBody().returnResult().getResponseBodyContent());
    scanned.add(uri);
    for (String secret : SECRETS) {
      assertThat(decoded(body)).as(uri).doesNotContainIgnoringCase(secret);
    }
    assertThat(body).as(uri).doesNotContain("playerUuid", "macAddress", "mac_address");
  }

  /** {@code text} with percent escapes decoded, twice over: a secret escaped is still one. */
  private static String decoded(String text) {
    for (int i = 0; i < 2; i++) {
      text =
          ESCAPE
              .matcher(text)
              .replaceAll(
                  m ->
                      Matcher.quoteReplacement(
                          Character.toString(Integer.parseInt(m.group(1), 16))));
    }
    return text;
  }

  @Test
  void noAnswerOrLogLineCarriesAUuidOrMac(CapturedOutput output) {
    for (String game : List.of("BO", "LA", "2", "Labyrinth", "RO", "TT")) {
      for (String sortBy : List.of("best", "worst", "recent", "stale")) {
        scan("/api/v2/games/" + game + "/leaderboard?sortBy=" + sortBy, 200);
        scan("/api/v2/games/" + game + "/leaderboard?sortBy=" + sortBy + "&pageSize=1", 200);
      }
    }
    scan("/api/v2/games/LA/leaderboard?pageSize=1&page=2", 200);
    scan("/api/v2/players/playerdddddd", 200);
    scan("/api/v2/players/" + UUID, 200); // looking oneself up: the page shows the playerId only
    scan("/api/v2/players/" + UUID.toUpperCase() + "/", 200);
    scan("/api/v2/players/" + UUID + "?page=2", 400);
    scan("/api/v2/players/" + UUID + "?bogus=" + MAC, 400);
    scan("/api/v2/players/" + MAC, 400);
    scan("/api/v2/players/" + MAC.replace(":", ""), 400);
    scan("/api/v2/players/eeeeeeee-0000-4000-8000-000000000005", 404);
    scan("/api/v2/breeds/" + UUID, 404);
    scan("/api/v2/games/" + MAC + "/leaderboard", 404);
    scan("/api/v1/breeds/" + UUID, 404);
    // The same, with a character or all of them percent-encoded: the server decodes them.
    scan("/api/v2/players/" + UUID.substring(0, 35) + "%34", 200);
    scan("/api/v2/players/" + MAC.replace(":", "%3A"), 400);
    scan("/api/v2/breeds/" + MAC.replace(":", "%3a"), 404);

    // Every request's access log line is written (asynchronously); then nothing may carry them.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                output.getOut().lines().filter(l -> l.contains("http_request")).count()
                    >= scanned.size());
    for (String secret : SECRETS) {
      assertThat(decoded(output.getOut() + output.getErr())).doesNotContainIgnoringCase(secret);
    }
    assertThat(output.getOut()).contains("/api/v2/players/[redacted]");
  }

  @Test
  void theLeaderboardShowsThePublicId() {
    web.get()
        .uri("/api/v2/games/LA/leaderboard")
        .exchange()
        .expectBody()
        .jsonPath("$.items[?(@.score == 50)].playerId")
        .isEqualTo(List.of("playerdddddd"));
  }
}
