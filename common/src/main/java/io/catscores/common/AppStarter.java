package io.catscores.common;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts either app the same way: check the environment, map operator switches, run. */
public final class AppStarter {

  private AppStarter() {}

  public static ConfigurableApplicationContext run(
      Class<?> application, String[] args, List<String> requiredSecrets) {
    return run(application, args, requiredSecrets, Map.of());
  }

  /** Also refuses, outside local, secrets shorter than their minimum length. */
  public static ConfigurableApplicationContext run(
      Class<?> application,
      String[] args,
      List<String> requiredSecrets,
      Map<String, Integer> minimumLengths) {
    Map<String, String> env = System.getenv();
    try {
      RequiredEnvironment.check(env, requiredSecrets, minimumLengths);
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
    // The log writer flushes after each batch of lines (logback-spring.xml); the JVM's own stdout
    // would write every line with its own system call.
    System.setOut(
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8));
    SpringApplication app = new SpringApplication(application);
    app.setDefaultProperties(defaultProperties(env));
    return app.run(args);
  }

  /** SKIP_METRICS=true (the operators' existing switch) turns the Prometheus endpoint off. */
  static Map<String, Object> defaultProperties(Map<String, String> env) {
    boolean skip = Boolean.parseBoolean(env.getOrDefault("SKIP_METRICS", "false").trim());
    return Map.of("management.prometheus.metrics.export.enabled", !skip);
  }
}
