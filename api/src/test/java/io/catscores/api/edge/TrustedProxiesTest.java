package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void addressesAndNetworks() {
    TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.7", "172.16.0.0/12", "fd00::/8"));
    assertThat(proxies.contains("10.0.0.7")).isTrue();
    assertThat(proxies.contains("10.0.0.8")).isFalse();
    assertThat(proxies.contains("172.31.255.1")).isTrue();
    assertThat(proxies.contains("172.32.0.1")).isFalse();
    assertThat(proxies.contains("fd12:3456::1")).isTrue();
    assertThat(proxies.contains("fe80::1")).isFalse();
    assertThat(TrustedProxies.of(List.of("::1")).contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).contains("203.0.113.9")).isTrue();
  }

  /** A header's hop is whatever a client wrote: only an address literal can match. */
  @Test
  void whatIsNoAddressMatchesNothingAndIsNeverLookedUp() {
    TrustedProxies all = TrustedProxies.of(List.of("0.0.0.0/0", "::/0"));
    for (String hop : List.of("localhost", "example.org", "999.1.1.1", "10.0.0", ".:", "", "a b")) {
      assertThat(all.contains(hop)).as(hop).isFalse();
    }
    assertThat(TrustedProxies.literal("example.org")).isNull();
  }

  @Test
  void anEntryThatIsNoAddressOrNetworkStopsStartUpNamingIt() {
    for (String entry : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
      assertThatThrownBy(() -> new LimitProperties(1, 1, List.of(entry), 1, Duration.ZERO))
          .as(entry)
          .hasMessageContaining("API_TRUSTED_PROXIES")
          .hasMessageContaining(entry);
    }
    assertThat(TrustedProxies.of(List.of("", " ")).isEmpty()).isTrue();
  }
}
