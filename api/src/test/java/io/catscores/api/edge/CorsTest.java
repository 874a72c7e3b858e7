package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * With a list of origins, answers differ by Origin, so every GET says so: a CDN in front must not
 * give the allowed site an answer it stored for a request without Origin (no CORS headers, for up
 * to the catalogue's max-age), nor give another site the allowed one's.
 */
class CorsTest {

  private static final String SITE = "https://board.example.org";

  private static HttpHeaders decorated(List<String> allowed, String origin) {
    MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v2/origins");
    if (origin != null) {
      request.header(HttpHeaders.ORIGIN, origin);
    }
    HttpHeaders headers = new HttpHeaders();
    new Cors(new CorsProperties(allowed)).decorate(request.build(), headers);
    return headers;
  }

  @Test
  void aListOfOriginsVariesEveryAnswerByOrigin() {
    for (String origin : new String[] {null, SITE, "https://other.example.org"}) {
      HttpHeaders headers = decorated(List.of(SITE), origin);
      assertThat(headers.get(HttpHeaders.VARY)).as("Origin %s", origin).containsExactly("Origin");
    }
    assertThat(decorated(List.of(SITE), SITE).getAccessControlAllowOrigin()).isEqualTo(SITE);
    assertThat(decorated(List.of(SITE), "https://other.example.org").getAccessControlAllowOrigin())
        .isNull();
  }

  @Test
  void anyOriginVariesByNothing() {
    HttpHeaders headers = decorated(List.of("*"), SITE);
    assertThat(headers.getAccessControlAllowOrigin()).isEqualTo("*");
    assertThat(headers.containsHeader(HttpHeaders.VARY)).isFalse();
  }
}
