package io.catscores.api.edge;

/**
 * The edge's one rule for live streams (server-sent events; LiveController's paths end so): they
 * are never cached, hold no in-flight permit and are not in the in-flight gauge.
 */
final class StreamPaths {

  private StreamPaths() {}

  static boolean isStream(String path) {
    return path.endsWith("/stream");
  }
}
