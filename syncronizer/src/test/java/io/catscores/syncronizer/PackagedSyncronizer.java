package io.catscores.syncronizer;

import io.catscores.devstack.PackagedApp;
import io.catscores.devstack.SharedServers;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged syncronizer jar (built by the package phase, before failsafe) run as a real process
 * against the shared test servers.
 */
public final class PackagedSyncronizer {

  private PackagedSyncronizer() {}

  /**
   * Starts the jar with the shared PostgreSQL (database {@code database}) and Redis plus {@code
   * env}, and waits until /healthz answers 200.
   */
  public static Process start(
      String name, String database, Map<String, String> env, String... jvmOptions)
      throws Exception {
    return app(name, database, env, jvmOptions).process();
  }

  /** The same, as a {@link PackagedApp} (its log, its URL). */
  public static PackagedApp app(
      String name, String database, Map<String, String> env, String... jvmOptions)
      throws Exception {
    Map<String, String> all = new HashMap<>();
    all.put("PG_DB_PORT", String.valueOf(SharedServers.postgres().port()));
    all.put("PG_DB_USER", "postgres");
    all.put("PG_DB_DATABASE", database);
    all.put("REDIS_PORT", String.valueOf(SharedServers.redis().port()));
    all.putAll(env);
    return PackagedApp.start(name, Path.of("target/syncronizer.jar"), all, List.of(jvmOptions));
  }
}
