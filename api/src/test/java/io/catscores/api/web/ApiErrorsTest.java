package io.catscores.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A problem's instance is the path the client sent, escapes as sent, credentials removed. */
class ApiErrorsTest {

  @Test
  void aPathIsItsOwnInstanceEscapesIncluded() {
    for (String path :
        new String[] {"/api/v2/breeds/%00", "/api/v2/games/%E2%82%AC/leaderboard", "/api/v2/x"}) {
      assertThat(ApiErrors.instance(path)).hasToString(path);
    }
  }

  @Test
  void charactersAUriCannotHoldAreEscaped() {
    assertThat(ApiErrors.instance("/api/v2/breeds/a|b")).hasToString("/api/v2/breeds/a%7Cb");
  }

  @Test
  void aCredentialIsRemovedHoweverItIsEscaped() {
    assertThat(ApiErrors.instance("/api/v2/players/aa%3Abb%3Acc%3Add%3Aee%3Aff"))
        .hasToString("/api/v2/players/%5Bredacted%5D");
    assertThat(ApiErrors.instance("/api/v2/players/123e4567-e89b-12d3-a456-42661417400%30"))
        .hasToString("/api/v2/players/%5Bredacted%5D");
  }
}
