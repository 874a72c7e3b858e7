package io.catscores.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address): {@code burst} tokens, refilled at {@code perSecond}.
 * Used by the api for requests that miss its cache and by the syncronizer for failed admin-token
 * attempts (TokenBucketsTest). Memory stays bounded: past {@code maxKeys} clients, full (idle)
 * buckets are dropped, and if that is not enough all are, which only forgives.
 */
public final class TokenBuckets {

  private final double tokensPerNano;
  private final double burst;
  private final int maxKeys;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public TokenBuckets(double perSecond, int burst, int maxKeys) {
    this(perSecond, burst, maxKeys, System::nanoTime);
  }

  TokenBuckets(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a bucket needs a positive rate and burst");
    }
    this.tokensPerNano = perSecond / 1e9;
    this.burst = burst;
    this.maxKeys = maxKeys;
    this.nanoTime = nanoTime;
  }

  /** Takes a token for {@code key}: 0 when there was one, else nanoseconds until there is. */
  public long take(String key) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
      if (buckets.size() >= maxKeys) {
        buckets.clear();
      }
    }
    return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
  }

  /** Whether {@code key} has a token left, without taking one. */
  public boolean hasToken(String key) {
    Bucket bucket = buckets.get(key);
    return bucket == null || bucket.tokens(nanoTime.getAsLong()) >= 1;
  }

  /** Nanoseconds until {@code key} has a token again (0 when it has one). */
  public long wait(String key) {
    Bucket bucket = buckets.get(key);
    return bucket == null ? 0 : bucket.waitNanos(nanoTime.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long updated;

    Bucket(long now) {
      this.tokens = burst;
      this.updated = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return waitNanos(now);
    }

    synchronized double tokens(long now) {
      refill(now);
      return tokens;
    }

    synchronized long waitNanos(long now) {
      refill(now);
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - updated) * tokensPerNano);
      updated = now;
    }
  }
}
