package io.catscores.api;

import org.springframework.test.web.reactive.server.WebTestClient;

/** The body of a GET that must answer 200, as text: what several ITs read (metrics, answers). */
public final class OkBody {

  private OkBody() {}

  public static String of(WebTestClient web, String uri) {
    return web.mutate()
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
        .build()
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
