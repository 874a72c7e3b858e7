package io.catscores.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The apps' log files as fluentd's JSON parser sees them: one object per JSON line. */
final class RawLogs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RawLogs() {}

  /** Every JSON line of the files; other lines (a JVM warning, say) are not app log lines. */
  static List<JsonNode> read(List<Path> files) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("{")) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    return lines;
  }
}
