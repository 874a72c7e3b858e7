package io.catscores.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void aBurstThenTheRate() {
    TokenBuckets buckets = new TokenBuckets(2, 3, 100, now::get); // 2 per second, burst 3
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isEqualTo(500_000_000L); // half a second to the next token
    assertThat(buckets.take("b")).isZero(); // every client has its own bucket
    now.addAndGet(500_000_000L);
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isPositive();
  }

  @Test
  void anIdleBucketFillsUpToTheBurstOnly() {
    TokenBuckets buckets = new TokenBuckets(1, 2, 100, now::get);
    buckets.take("a");
    buckets.take("a");
    now.addAndGet(60_000_000_000L);
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isZero();
    assertThat(buckets.take("a")).isPositive();
    assertThat(buckets.hasToken("a")).isFalse();
    assertThat(buckets.wait("a")).isPositive();
  }

  @Test
  void memoryStaysBoundedAndOnlyForgives() {
    TokenBuckets buckets = new TokenBuckets(1, 1, 2, now::get);
    buckets.take("a");
    buckets.take("b");
    assertThat(buckets.take("c")).isZero(); // a and b were not idle: all dropped, c admitted
    assertThat(buckets.take("a")).isZero();
  }
}
