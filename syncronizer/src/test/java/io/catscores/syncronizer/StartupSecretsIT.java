package io.catscores.syncronizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Outside local, the packaged syncronizer refuses a guessable admin token, naming the variable. */
class StartupSecretsIT {

  private static final String SHORT_TOKEN = "short-token-1234";

  @Test
  void aShortAdminTokenRefusesToStart() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", "target/syncronizer.jar").redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            Map.of(
                "APP_ENV", "production",
                "PG_DB_PASSWORD", "x",
                "PG_API_PASSWORD", "y",
                "PLAYER_ID_KEY", "z",
                "ADMIN_TOKEN", SHORT_TOKEN));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("ADMIN_TOKEN is shorter than 32 characters");
    assertThat(output).doesNotContain(SHORT_TOKEN);
  }
}
