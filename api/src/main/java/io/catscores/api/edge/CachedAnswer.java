package io.catscores.api.edge;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cached answer. Fresh until {@code freshUntil}; after that one request refreshes it while the
 * others are still answered from it, until it expires at three times its life. A change that
 * touches it makes it stale at once ({@link ResponseCache}'s evict): the next request reads the new
 * data, and requests that arrive during that read get this answer rather than all waiting for the
 * database (ResponseCacheTest; doc/benchmarks.md, "mixed run").
 */
record CachedAnswer(
    int status,
    byte[] body,
    String etag,
    String contentType,
    String link,
    long lastModified,
    String route,
    boolean scores,
    CacheDependencies dependencies,
    long expiresAt,
    long freshUntil,
    AtomicBoolean refreshing) {

  /** The same answer, to be refreshed by the next request; it still expires when it would. */
  CachedAnswer evicted() {
    return new CachedAnswer(
        status,
        body,
        etag,
        contentType,
        link,
        lastModified,
        route,
        scores,
        dependencies,
        expiresAt,
        System.nanoTime() - 1,
        new AtomicBoolean());
  }
}
