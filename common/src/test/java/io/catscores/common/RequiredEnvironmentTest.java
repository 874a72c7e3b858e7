package io.catscores.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredEnvironmentTest {

  private static final List<String> SECRETS = List.of("PG_DB_PASSWORD", "ADMIN_TOKEN");

  @Test
  void localRunNeedsNoSecrets() {
    assertThat(RequiredEnvironment.missing(Map.of(), SECRETS)).isEmpty();
    assertThat(RequiredEnvironment.missing(Map.of("APP_ENV", "local"), SECRETS)).isEmpty();
  }

  @Test
  void otherEnvironmentsNameEveryMissingOrBlankVariable() {
    var env = Map.of("APP_ENV", "production", "PG_DB_PASSWORD", " ");
    assertThatThrownBy(() -> RequiredEnvironment.check(env, SECRETS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PG_DB_PASSWORD, ADMIN_TOKEN")
        .hasMessageContaining("APP_ENV=production");
  }

  @Test
  void passesWhenEverySecretIsSet() {
    var env = Map.of("APP_ENV", "production", "PG_DB_PASSWORD", "x", "ADMIN_TOKEN", "y");
    assertThatNoException().isThrownBy(() -> RequiredEnvironment.check(env, SECRETS));
  }

  @Test
  void shortSecretsAreRefusedOutsideLocalOnly() {
    var env = java.util.Map.of("APP_ENV", "prod", "ADMIN_TOKEN", "abc");
    assertThatThrownBy(
            () ->
                RequiredEnvironment.check(
                    env, java.util.List.of(), java.util.Map.of("ADMIN_TOKEN", 32)))
        .hasMessageContaining("ADMIN_TOKEN is shorter than 32")
        .hasMessageNotContaining("abc");
    assertThatNoException()
        .isThrownBy(
            () ->
                RequiredEnvironment.check(
                    java.util.Map.of("ADMIN_TOKEN", "abc"),
                    java.util.List.of(),
                    java.util.Map.of("ADMIN_TOKEN", 32)));
  }
}
