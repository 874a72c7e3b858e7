package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ForwardedOriginTest {

  private static final List<String> PROXY = List.of("10.0.0.1");
  private static final String SENT = "http://10.0.0.9:8000/api/v2/breeds?page=2&name=a%20b";

  private static String seen(String peer, List<String> trusted, String... headers) {
    var request =
        MockServerHttpRequest.method(HttpMethod.GET, URI.create(SENT))
            .remoteAddress(new InetSocketAddress(peer, 4711));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    ServerHttpRequest origin = new ForwardedOrigin(TrustedProxies.of(trusted)).of(request.build());
    return origin.getURI().toString();
  }

  @Test
  void aTlsTerminatingProxyNamesTheSchemeAndHostTheClientUsed() {
    assertThat(
            seen(
                "10.0.0.1",
                PROXY,
                "X-Forwarded-Proto",
                "https",
                "X-Forwarded-Host",
                "api.example.org"))
        .isEqualTo("https://api.example.org/api/v2/breeds?page=2&name=a%20b");
    assertThat(seen("10.0.0.1", PROXY, "Forwarded", "proto=https;host=api.example.org:8443"))
        .isEqualTo("https://api.example.org:8443/api/v2/breeds?page=2&name=a%20b");
  }

  /** Some proxies say TLS only with {@code X-Forwarded-Ssl: on}, which Spring reads too. */
  @Test
  void aProxyThatSaysOnlyXForwardedSslOnMeansHttps() {
    assertThat(seen("10.0.0.1", PROXY, "X-Forwarded-Ssl", "on"))
        .isEqualTo("https://10.0.0.9/api/v2/breeds?page=2&name=a%20b");
  }

  /** An ingress that serves the api under a path and strips it says so in X-Forwarded-Prefix. */
  @Test
  void aProxysPathPrefixComesBeforeThePath() {
    assertThat(seen("10.0.0.1", PROXY, "X-Forwarded-Prefix", "/cats/v"))
        .isEqualTo("http://10.0.0.9:8000/cats/v/api/v2/breeds?page=2&name=a%20b");
    assertThat(
            seen(
                "10.0.0.1",
                PROXY,
                "Forwarded",
                "proto=https;host=api.example.org",
                "X-Forwarded-Prefix",
                "/catscores/"))
        .isEqualTo("https://api.example.org/catscores/api/v2/breeds?page=2&name=a%20b");
    for (String odd : List.of("catscores", "/a b", "/../admin", "/a//b", "/a,/b", "/%2e%2e", "/")) {
      assertThat(seen("10.0.0.1", PROXY, "X-Forwarded-Prefix", odd)).as(odd).isEqualTo(SENT);
    }
    assertThat(seen("198.51.100.7", PROXY, "X-Forwarded-Prefix", "/evil")).isEqualTo(SENT);
  }

  @Test
  void nobodyElsesHeadersAreBelieved() {
    assertThat(seen("198.51.100.7", PROXY, "X-Forwarded-Host", "evil.example")).isEqualTo(SENT);
    assertThat(seen("10.0.0.1", List.of(), "X-Forwarded-Host", "evil.example")).isEqualTo(SENT);
  }

  @Test
  void aValueNoUriCanHoldIsIgnored() {
    assertThat(seen("10.0.0.1", PROXY, "X-Forwarded-Host", "a b")).isEqualTo(SENT);
    assertThat(seen("10.0.0.1", PROXY, "X-Forwarded-Port", "eighty")).isEqualTo(SENT);
    assertThat(seen("10.0.0.1", PROXY, "X-Forwarded-Proto", "javascript")).isEqualTo(SENT);
  }

  /** What a proxy's headers name is worked out once; each request keeps its own path and query. */
  @Test
  void oneProxysOriginServesEveryPathAndNoUntrustedPeer() {
    ForwardedOrigin forwarded = new ForwardedOrigin(TrustedProxies.of(PROXY));
    for (String path : List.of("/api/v2/origins", "/api/v2/breeds?page=3", "/api/v2/origins")) {
      var request =
          MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://10.0.0.9:8000" + path))
              .remoteAddress(new InetSocketAddress("10.0.0.1", 4711))
              .header("X-Forwarded-Proto", "https")
              .header("X-Forwarded-Host", "api.example.org")
              .build();
      assertThat(forwarded.of(request).getURI().toString())
          .isEqualTo("https://api.example.org" + path);
    }
    var untrusted =
        MockServerHttpRequest.method(HttpMethod.GET, URI.create(SENT))
            .remoteAddress(new InetSocketAddress("198.51.100.7", 4711))
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "api.example.org")
            .build();
    assertThat(forwarded.of(untrusted).getURI().toString()).isEqualTo(SENT);
  }
}
