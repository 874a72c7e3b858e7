package io.catscores.api.edge;

import io.catscores.api.changes.Change;

/**
 * The last changes heard, numbered: an answer read before a change that touches it and stored after
 * that change's eviction would otherwise stay cached, stale, until its TTL (ResponseCacheTest).
 */
final class RecentChanges {

  private static final int KEPT = 256;

  private final Change[] ring = new Change[KEPT];
  private long last;

  /** The number of the last change heard: read when an answer's reading starts. */
  synchronized long mark() {
    return last;
  }

  synchronized void add(Change change) {
    last++;
    ring[(int) (last % KEPT)] = change;
  }

  /** Whether a change heard after {@code mark} touches what these dependencies read. */
  synchronized boolean touchedSince(long mark, CacheDependencies dependencies) {
    if (last - mark >= KEPT) {
      return true; // too many to tell: assume so
    }
    for (long n = mark + 1; n <= last; n++) {
      if (dependencies.touchedBy(ring[(int) (n % KEPT)])) {
        return true;
      }
    }
    return false;
  }
}
