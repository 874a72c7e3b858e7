package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

  private static MockServerHttpRequest from(String peer, String... forwardedFor) {
    var request =
        MockServerHttpRequest.get("/api/v2/breeds")
            .remoteAddress(new InetSocketAddress(peer, 4711));
    for (String value : forwardedFor) {
      request.header("X-Forwarded-For", value);
    }
    return request.build();
  }

  @Test
  void thePeerWhenNoProxyIsTrusted() {
    assertThat(ClientAddress.of(from("198.51.100.7", "203.0.113.1"), TrustedProxies.of(List.of())))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void aClientCannotChooseItsKeyBySendingTheHeader() {
    assertThat(
            ClientAddress.of(
                from("198.51.100.7", "203.0.113.1"), TrustedProxies.of(List.of("10.0.0.1"))))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void theEntryTheTrustedProxyAddedNotWhatTheClientSent() {
    // The client forged "1.2.3.4"; the trusted proxy appended the address it saw.
    assertThat(
            ClientAddress.of(
                from("10.0.0.1", "1.2.3.4, 203.0.113.9"), TrustedProxies.of(List.of("10.0.0.1"))))
        .isEqualTo("203.0.113.9");
    // Two trusted proxies in a row, in two header lines.
    assertThat(
            ClientAddress.of(
                from("10.0.0.1", "1.2.3.4, 203.0.113.9", "10.0.0.2"),
                TrustedProxies.of(List.of("10.0.0.1", "10.0.0.2"))))
        .isEqualTo("203.0.113.9");
    assertThat(ClientAddress.of(from("10.0.0.1"), TrustedProxies.of(List.of("10.0.0.1"))))
        .isEqualTo("10.0.0.1");
  }
}
