package io.catscores.api.edge;

import net.logstash.logback.marker.LogstashMarker;
import tools.jackson.core.JsonGenerator;

/**
 * The fields of one access log line, written straight into the JSON line with their types
 * (logstash's map and object markers go through Jackson's object serialisation per value, twice the
 * cost on the log writer thread; doc/benchmarks.md).
 */
final class AccessLogLine extends LogstashMarker {

  private final String method;
  private final String path;
  private final String route;
  private final int status;
  private final double durationMs;
  private final String traceId;
  private final String spanId;

  AccessLogLine(
      String method,
      String path,
      String route,
      int status,
      double durationMs,
      String traceId,
      String spanId) {
    super(MARKER_NAME_PREFIX + "ACCESS_LOG_LINE");
    this.method = method;
    this.path = path;
    this.route = route;
    this.status = status;
    this.durationMs = durationMs;
    this.traceId = traceId;
    this.spanId = spanId;
  }

  /** The human-readable message of the line, e.g. {@code GET /api/v2/breeds 200 1.234 ms}. */
  String message() {
    return method + ' ' + path + ' ' + status + ' ' + durationMs + " ms";
  }

  @Override
  public void writeTo(JsonGenerator generator) {
    generator.writeStringProperty("event", "http_request");
    generator.writeStringProperty("method", method);
    generator.writeStringProperty("path", path);
    generator.writeStringProperty("route", route);
    generator.writeNumberProperty("status", status);
    generator.writeNumberProperty("duration_ms", durationMs);
    generator.writeStringProperty("traceId", traceId);
    generator.writeStringProperty("spanId", spanId);
  }

  // A marker is compared by identity of its line, never merged with another one.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
