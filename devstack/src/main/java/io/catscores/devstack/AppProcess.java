package io.catscores.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One app jar run as a child JVM that shares this terminal's output. */
final class AppProcess {

  private final String name;
  private final Process process;
  private final StartupArchive archive;

  private AppProcess(String name, Process process, StartupArchive archive) {
    this.name = name;
    this.process = process;
    this.archive = archive;
  }

  /**
   * Heap and GC sized for the 2-core, shared machine the apps run on here: a small bounded heap
   * keeps the api's resident memory under load well below 300 MB (doc/benchmarks.md). The JVM gives
   * memory its own native allocations freed back to the system every second: without it the api
   * kept ~45 MiB more resident after load ("Speed at scale", RSS). The beans come from the build's
   * AOT processing (faster start-up, "Start-up" in the same file).
   */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx256m",
          "-XX:+UseSerialGC",
          "-XX:MaxDirectMemorySize=128m",
          "-Xss512k",
          "-XX:TrimNativeHeapInterval=1000",
          "-Dspring.aot.enabled=true");

  /** The syncronizer's heap starts where the drain's batches need it. */
  static final List<String> SYNCRONIZER_HEAP = List.of("-Xms64m");

  /**
   * The api's: a fixed 16 MiB young generation, and an old one kept within 10-20 % above what lives
   * in it (~23 MiB under load), so the resident heap follows the live data instead of filling an
   * old generation sized from -Xms: 4-5 MiB less resident at the same req/s, one full collection
   * (~50 ms) every few minutes ("Speed at scale", RSS, in doc/benchmarks.md).
   */
  static final List<String> API_HEAP =
      List.of("-Xms32m", "-Xmn16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20");

  static AppProcess start(String name, Path jar, List<String> heap, Map<String, String> env)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build first with ./mvnw -DskipTests package");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(heap);
    StartupArchive archive = StartupArchive.of(jar);
    command.addAll(archive.launchArguments(java));
    var builder = new ProcessBuilder(command).inheritIO();
    builder.environment().clear();
    builder.environment().putAll(env);
    return new AppProcess(name, builder.start(), archive);
  }

  static AppProcess awaitFirstExit(List<AppProcess> apps) {
    CompletableFuture<?>[] exits =
        apps.stream().map(app -> app.process.onExit()).toArray(CompletableFuture[]::new);
    CompletableFuture.anyOf(exits).join();
    return apps.stream().filter(app -> !app.isAlive()).findFirst().orElseThrow();
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      archive.keepRecording();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException e) {
      System.err.println(name + ": start-up archive not kept: " + e);
    }
  }
}
