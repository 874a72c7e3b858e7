package io.catscores.common;

import java.util.List;
import java.util.Map;

/**
 * Fails start-up, naming the variable, when a secret the app needs is missing outside the local
 * environment. Local runs (APP_ENV unset or {@code local}) fall back to the defaults in
 * application.yaml so that the one-command run needs no setup.
 */
public final class RequiredEnvironment {

  public static final String APP_ENV = "APP_ENV";
  public static final String LOCAL = "local";

  private RequiredEnvironment() {}

  /** The running environment's name, {@code local} when APP_ENV is unset or blank. */
  public static String appEnv(Map<String, String> env) {
    String value = env.get(APP_ENV);
    return value == null || value.isBlank() ? LOCAL : value.trim();
  }

  /**
   * Returns the names among {@code required} that are unset or blank, or an empty list in the local
   * environment where defaults apply.
   */
  public static List<String> missing(Map<String, String> env, List<String> required) {
    if (LOCAL.equals(appEnv(env))) {
      return List.of();
    }
    return required.stream()
        .filter(name -> env.get(name) == null || env.get(name).isBlank())
        .toList();
  }

  /**
   * Throws with a message naming every missing variable; call first thing in {@code main}.
   *
   * @throws IllegalStateException when a required variable is missing outside the local environment
   */
  public static void check(Map<String, String> env, List<String> required) {
    check(env, required, Map.of());
  }

  /**
   * Like {@link #check(Map, List)}, and also refuses secrets shorter than their minimum length
   * (outside local), naming the variable, never its value.
   */
  public static void check(
      Map<String, String> env, List<String> required, Map<String, Integer> minimumLengths) {
    List<String> missing = missing(env, required);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "Missing required environment variable(s) "
              + String.join(", ", missing)
              + " (APP_ENV="
              + appEnv(env)
              + "); see the configuration table in README.md");
    }
    if (LOCAL.equals(appEnv(env))) {
      return;
    }
    for (var minimum : new java.util.TreeMap<>(minimumLengths).entrySet()) {
      String value = env.get(minimum.getKey());
      if (value != null && value.trim().length() < minimum.getValue()) {
        throw new IllegalStateException(
            minimum.getKey()
                + " is shorter than "
                + minimum.getValue()
                + " characters (APP_ENV="
                + appEnv(env)
                + "); generate one, e.g. openssl rand -base64 32");
      }
    }
  }
}
