package io.catscores.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts an app faster (issue #18, doc/benchmarks.md "Start-up"): from an extracted copy of its
 * jar, with a class-data-sharing archive of the classes the previous run loaded. A fat jar cannot
 * use one (its classes come from nested jars), so the jar is extracted once per build into {@code
 * target/startup/}. The first run records the archive when the app exits; later runs map it instead
 * of loading and verifying those classes again. The archive is named after the jar's size and time
 * and the JVM's version, so a rebuilt jar or another JDK starts without it, then records its own.
 */
final class StartupArchive {

  private final Path jar;
  private final Path folder;
  private final Path archive;
  private final Path recording;

  private StartupArchive(Path jar, Path folder, String key) {
    this.jar = jar;
    this.folder = folder;
    this.archive = folder.resolve(key + ".jsa");
    this.recording = folder.resolve(key + ".jsa.recording-" + ProcessHandle.current().pid());
  }

  static StartupArchive of(Path jar) throws IOException {
    String key =
        Files.size(jar)
            + "-"
            + Files.getLastModifiedTime(jar).toMillis()
            + "-"
            + Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
    return new StartupArchive(jar, jar.resolveSibling("startup"), key);
  }

  /** The JVM options and main jar to run the app with, extracting the jar first if it changed. */
  List<String> launchArguments(String java) throws IOException, InterruptedException {
    Path extracted = folder.resolve("app").resolve(jar.getFileName());
    Path stamp = folder.resolve("extracted-from");
    String current = archive.getFileName().toString();
    if (!Files.isRegularFile(extracted)
        || !Files.isRegularFile(stamp)
        || !Files.readString(stamp).equals(current)) {
      extract(java);
      Files.writeString(stamp, current);
    }
    String share =
        Files.isRegularFile(archive)
            ? "-XX:SharedArchiveFile=" + archive
            : "-XX:ArchiveClassesAtExit=" + recording;
    // An archive that does not match (another JDK build) only costs a warning: say nothing of it.
    return List.of(share, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", extracted.toString());
  }

  /** After the app exited: keeps what it recorded, whole or not at all. */
  void keepRecording() throws IOException {
    if (Files.isRegularFile(recording) && Files.size(recording) > 0) {
      Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.deleteIfExists(recording);
    }
  }

  private void extract(String java) throws IOException, InterruptedException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> old = Files.walk(folder)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(folder);
    Process extract =
        new ProcessBuilder(
                java,
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                folder.resolve("app").toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("extract.log").toFile())
            .start();
    if (extract.waitFor() != 0) {
      throw new IllegalStateException(
          "extracting " + jar + " failed: see " + folder.resolve("extract.log"));
    }
  }
}
