package io.catscores.api.edge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The per-client limit over real HTTP: cache hits never count, misses do, and behind a trusted
 * proxy (here: the test itself, 127.0.0.1) each forwarded client has its own bucket.
 */
@BehindTrustedProxy
class MissLimiterIT {

  @Autowired WebTestClient web;

  private WebTestClient.ResponseSpec get(String uri, String client) {
    return web.get().uri(uri).header("X-Forwarded-For", client).exchange();
  }

  @Test
  void cacheHitsAreFreeMissesAreLimited() {
    String client = "198.51.100.1";
    get("/api/v2/temperaments", client).expectStatus().isOk(); // a miss: one token
    for (int i = 0; i < 20; i++) {
      get("/api/v2/temperaments", client).expectStatus().isOk(); // hits: free
    }
    get("/api/v2/breeds?name=lim1", client).expectStatus().isOk();
    get("/api/v2/breeds?name=lim2", client).expectStatus().isOk();
    get("/api/v2/breeds?name=lim3", client)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After");
    get("/api/v2/temperaments", client).expectStatus().isOk(); // still served from the cache
    get("/healthz/ready", client).expectStatus().isOk();
  }

  @Test
  void everyForwardedClientHasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      get("/api/v2/breeds?name=own" + i, "198.51.100.2").expectStatus().isOk();
    }
    get("/api/v2/breeds?name=own3", "198.51.100.2").expectStatus().isEqualTo(429);
    get("/api/v2/breeds?name=own3", "198.51.100.3").expectStatus().isOk();
    // What the client itself wrote before the proxy's entry is not believed.
    get("/api/v2/breeds?name=own4", "198.51.100.9, 198.51.100.2").expectStatus().isEqualTo(429);
  }
}
