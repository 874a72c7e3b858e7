package io.catscores.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The one-command local run: starts whatever the environment does not provide (PostgreSQL when
 * PG_DB_HOST is unset, Redis when REDIS_HOST is unset, the upstream replica when
 * UPSTREAM_CATAPI_URL is unset), then the syncronizer (which migrates) and the api as child
 * processes. Ctrl-C or SIGTERM stops the apps first, then the servers.
 */
public final class DevStack {

  private static final Logger log = LoggerFactory.getLogger(DevStack.class);
  static final int POSTGRES_PORT = 54329;
  static final int REDIS_PORT = 63799;
  static final int UPSTREAM_PORT = 8089;
  static final String DATABASE = "catscores";

  private final List<AutoCloseable> servers = new ArrayList<>();
  private final List<AppProcess> apps = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("devstack.root", ".")).toAbsolutePath().normalize();
    var stack = new DevStack();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
    // Ctrl-C and SIGTERM stop the apps, then the servers, before the JVM exits: the embedded
    // servers' own shutdown hooks would otherwise stop them while the apps still use them
    // (warnings and a cut-off drain in the apps' logs).
    for (String name : List.of("INT", "TERM")) {
      Signal.handle(
          new Signal(name),
          signal -> {
            stack.stop();
            System.exit(0);
          });
    }
    int exit;
    try {
      exit = stack.run(root, System.getenv());
    } catch (Exception e) {
      log.error("The local stack could not start: {}", e.getMessage());
      exit = 1;
    }
    System.exit(exit); // runs the shutdown hook: apps first, then the servers
  }

  int run(Path root, Map<String, String> parentEnv) throws Exception {
    // DEVSTACK_STATE lets benchmarks use a throw-away data folder instead of .local/.
    Path state =
        blank(parentEnv.get("DEVSTACK_STATE"))
            ? root.resolve(".local")
            : Path.of(parentEnv.get("DEVSTACK_STATE")).toAbsolutePath();
    Map<String, String> env = new HashMap<>(parentEnv);
    env.putIfAbsent("APP_ENV", "local");

    startMissingServers(state, env);

    // The syncronizer owns the schema and the api's role, so on a new database it starts first.
    // Once it has migrated this one, the api starts first: each then starts with the machine to
    // itself (the syncronizer's first sync would slow the api's start; bench/startup.sh).
    if (migratedBefore(env)) {
      startApi(root, env);
      startSyncronizer(root, env);
    } else {
      startSyncronizer(root, env);
      startApi(root, env);
    }
    log.info("Ready: api http://localhost:8000  syncronizer http://localhost:8001  (Ctrl-C stops)");

    AppProcess exited = AppProcess.awaitFirstExit(apps);
    if (stopping) { // asked to stop: wait until everything is, the signal handler exits then
      stopped.await();
      return 0;
    }
    log.error("{} exited with code {}; stopping the stack", exited.name(), exited.exitCode());
    return 1;
  }

  /** Embedded PostgreSQL, Redis and upstream replica for whatever the environment does not name. */
  private void startMissingServers(Path state, Map<String, String> env) throws Exception {
    if (blank(env.get("PG_DB_HOST"))) {
      startPostgres(state, env);
    }
    if (blank(env.get("REDIS_HOST"))) {
      log.info(
          "REDIS_HOST unset: starting embedded Redis on port {}, data in {}",
          REDIS_PORT,
          state.resolve("redis"));
      RedisServer redis = RedisServer.start(state.resolve("redis"), REDIS_PORT);
      servers.add(redis);
      env.put("REDIS_HOST", "localhost");
      env.put("REDIS_PORT", String.valueOf(redis.port()));
    }
    if (blank(env.get("UPSTREAM_CATAPI_URL"))) {
      UpstreamReplica replica = UpstreamReplica.start(UPSTREAM_PORT);
      servers.add(replica);
      log.info(
          "UPSTREAM_CATAPI_URL unset: serving the recorded TheCatAPI catalogue at {}",
          replica.baseUrl());
      env.put("UPSTREAM_CATAPI_URL", replica.baseUrl());
    }
  }

  private void startPostgres(Path state, Map<String, String> env) throws Exception {
    log.info(
        "PG_DB_HOST unset: starting embedded PostgreSQL on port {}, data in {}",
        POSTGRES_PORT,
        state.resolve("postgres"));
    Files.createDirectories(state);
    PostgresServer postgres = PostgresServer.start(state.resolve("postgres"), POSTGRES_PORT);
    servers.add(postgres);
    postgres.ensureDatabase(DATABASE);
    env.put("PG_DB_HOST", "localhost");
    env.put("PG_DB_PORT", String.valueOf(postgres.port()));
    env.put("PG_DB_USER", PostgresServer.SUPERUSER);
    env.put("PG_DB_PASSWORD", "");
    env.put("PG_DB_DATABASE", DATABASE);
  }

  private void startSyncronizer(Path root, Map<String, String> env) throws Exception {
    AppProcess syncronizer =
        AppProcess.start(
            "syncronizer",
            root.resolve("syncronizer/target/syncronizer.jar"),
            AppProcess.SYNCRONIZER_HEAP,
            env);
    apps.add(syncronizer);
    awaitHealthy(syncronizer, "http://localhost:8001/healthz", Duration.ofMinutes(3));
  }

  private void startApi(Path root, Map<String, String> env) throws Exception {
    AppProcess api =
        AppProcess.start("api", root.resolve("api/target/api.jar"), AppProcess.API_HEAP, env);
    apps.add(api);
    awaitHealthy(api, "http://localhost:8000/healthz", Duration.ofMinutes(2));
  }

  /**
   * Whether the syncronizer migrated this database before: the role the api logs in with exists.
   */
  private static boolean migratedBefore(Map<String, String> env) {
    String url =
        "jdbc:postgresql://%s:%s/%s"
            .formatted(
                env.get("PG_DB_HOST"),
                env.getOrDefault("PG_DB_PORT", "5432"),
                env.getOrDefault("PG_DB_DATABASE", DATABASE));
    try (Connection connection =
            DriverManager.getConnection(
                url, env.get("PG_DB_USER"), env.getOrDefault("PG_DB_PASSWORD", ""));
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, env.getOrDefault("PG_API_USER", Migrations.API_ROLE));
      return query.executeQuery().next();
    } catch (SQLException unreachableOrNew) {
      return false; // the syncronizer's own start says what is wrong
    }
  }

  private static void awaitHealthy(AppProcess app, String url, Duration timeout)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!app.isAlive()) {
        throw new IllegalStateException(app.name() + " exited during start-up; see its log above");
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(app.name() + " not healthy at " + url + " after " + timeout);
  }

  /** The apps first (each gets SIGTERM and up to 30 s), then the servers. Runs once. */
  synchronized void stop() {
    if (stopping && stopped.getCount() == 0) {
      return;
    }
    stopping = true;
    if (!apps.isEmpty()) {
      log.info("Stopping the apps, then the servers");
    }
    apps.forEach(AppProcess::stop);
    for (int i = servers.size() - 1; i >= 0; i--) {
      try {
        servers.get(i).close();
      } catch (Exception e) {
        log.warn("Could not stop {}: {}", servers.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    servers.clear();
    stopped.countDown();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
