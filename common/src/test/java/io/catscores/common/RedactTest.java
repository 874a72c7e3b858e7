package io.catscores.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {

  @Test
  void removesUuidsInEverySpelling() {
    assertThat(Redact.credentials("/api/v2/players/B2D7E5C1-77aa-4f0e-8c2b-91f3a6d0e4c8"))
        .isEqualTo("/api/v2/players/[redacted]");
    assertThat(Redact.credentials("x b2d7e5c177aa4f0e8c2b91f3a6d0e4c8 y"))
        .isEqualTo("x [redacted] y");
  }

  @Test
  void removesMacAddressesInEverySpelling() {
    assertThat(Redact.credentials("mac 3c:84:27:c4:1a:2b.")).isEqualTo("mac [redacted].");
    assertThat(Redact.credentials("3C-84-27-C4-1A-2B")).isEqualTo("[redacted]");
    assertThat(Redact.credentials("3c8427c41a2b")).isEqualTo("[redacted]");
  }

  @Test
  void removesCredentialsAPathSpellsWithPercentEscapes() {
    assertThat(Redact.path("/api/v2/players/aa%3Abb%3Acc%3Add%3Aee%3Aff"))
        .isEqualTo("/api/v2/players/[redacted]");
    assertThat(Redact.path("/api/v2/players/%61a-bb-cc-dd-ee-ff/x"))
        .isEqualTo("/api/v2/players/[redacted]/x");
    assertThat(Redact.path("/api/v2/breeds/b2d7e5c1-77aa-4f0e-8c2b-91f3a6d0e4c%38"))
        .isEqualTo("/api/v2/breeds/[redacted]");
    assertThat(Redact.path("/p/aa%253Abb%253Acc%253Add%253Aee%253Aff")).isEqualTo("/p/[redacted]");
    assertThat(Redact.path("/p/3c:84:27:c4:1a:2b")).isEqualTo("/p/[redacted]");
  }

  @Test
  void leavesAPathWithoutCredentialsAsSent() {
    for (String path : new String[] {"/api/v2/breeds/%E2%82%AC", "/a/%zz%4", "/a%", "/b/%00"}) {
      assertThat(Redact.path(path)).isEqualTo(path);
    }
    assertThat(Redact.path(null)).isNull();
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "GET /api/v2/games/BO/leaderboard?sortBy=best 200 1.5 ms";
    assertThat(Redact.credentials(text)).isSameAs(text);
    assertThat(Redact.credentials("/api/v2/breeds/abys")).isEqualTo("/api/v2/breeds/abys");
    assertThat(Redact.credentials(null)).isNull();
  }
}
