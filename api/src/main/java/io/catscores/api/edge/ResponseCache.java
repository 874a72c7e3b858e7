package io.catscores.api.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.catscores.api.changes.Change;
import io.catscores.api.changes.Changes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Answers under /api/v1 and /api/v2 kept in memory: 200s with a strong ETag (304 when If-None-Match
 * names it), and the 400/404s of handlers that declared what they read ({@link CacheDependencies}),
 * so an error costs what a hit costs. An entry is made stale as soon as a {@link Change} touching
 * what it read is heard (the next request reads again), so it may live long ({@code
 * api.cache.*-ttl}, a safety net); while no change can be heard, or for answers no change covers,
 * it lives {@code unheard-ttl}. Concurrent misses of one key make one request to the handlers; the
 * others wait for its answer (QueriesPerRequestIT), even when a change touched what it read
 * (ResponseCacheTest). {@link ApiFront} answers from it; {@link ResponseCacheFilter} fills it.
 */
@Component
class ResponseCache {

  private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);

  private static final int STALE_FACTOR = 3;
  private static final Duration FOLLOWER_WAIT = Duration.ofSeconds(5);

  private final ApiCacheProperties ttl;
  private final Changes changes;
  private final Cache<String, CachedAnswer> store;
  private final Map<String, Sinks.Empty<Void>> flights = new ConcurrentHashMap<>();
  private final RecentChanges recent = new RecentChanges();
  private final Counter hits;
  private final Counter misses;
  private final Counter coalesced;
  private final Counter evictions;

  ResponseCache(ApiCacheProperties ttl, Changes changes, MeterRegistry meters) {
    this.ttl = ttl;
    this.changes = changes;
    this.store =
        Caffeine.newBuilder()
            .maximumWeight(ttl.maxBytes())
            .weigher((String key, CachedAnswer value) -> key.length() + value.body().length)
            .expireAfter(
                Expiry.<String, CachedAnswer>writing(
                    (key, value) ->
                        Duration.ofNanos(Math.max(0, value.expiresAt() - System.nanoTime()))))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(meters, store, "api_responses");
    this.hits = lookups(meters, "hit");
    this.misses = lookups(meters, "miss");
    this.coalesced = lookups(meters, "coalesced");
    this.evictions =
        Counter.builder("api.cache.evictions")
            .description("Cached answers evicted because a change touched what they read")
            .register(meters);
    changes.subscribe(this::evict);
  }

  private static Counter lookups(MeterRegistry meters, String result) {
    return Counter.builder("api.cache.lookups")
        .description("Cacheable requests: hit, miss (went to the handlers), coalesced (waited)")
        .tag("result", result)
        .register(meters);
  }

  /** The number to give {@link #store} for an answer whose reading starts now. */
  long mark() {
    return recent.mark();
  }

  /**
   * Answers the request from memory, or through {@code handlers} (given the response to write to):
   * when it is not cacheable, or not cached and no other request for it is on its way. {@link
   * ResponseCacheFilter} then stores the new answer. A stale answer is refreshed by one request,
   * see {@link #refresh}.
   */
  Mono<Void> answer(
      ServerHttpRequest request,
      ServerHttpResponse response,
      RequestRecord record,
      Function<ServerHttpResponse, Mono<Void>> handlers) {
    String key = CacheKey.of(request);
    if (key == null) {
      return handlers.apply(response);
    }
    CachedAnswer hit = store.getIfPresent(key);
    if (hit != null) {
      if (System.nanoTime() >= hit.freshUntil() && hit.refreshing().compareAndSet(false, true)) {
        misses.increment();
        return refresh(key, hit, request, response, record, handlers);
      }
      hits.increment();
      record.route(hit.route());
      return hit.write(request, response);
    }
    Sinks.Empty<Void> flight = Sinks.empty();
    Sinks.Empty<Void> leader = flights.putIfAbsent(key, flight);
    if (leader == null) {
      misses.increment();
      return handlers
          .apply(response)
          .doFinally(
              signal -> {
                flights.remove(key, flight);
                flight.tryEmitEmpty();
              });
    }
    coalesced.increment();
    return leader
        .asMono()
        .timeout(FOLLOWER_WAIT, Mono.empty())
        .then(Mono.defer(() -> afterLeader(key, request, response, record, handlers)));
  }

  /**
   * Reads a stale answer again, into a response no client reads, and answers this request with the
   * new answer if it is stored within {@code api.cache.refresh-wait} (so a client polling on its
   * own sees a change at once), else with the previous one: a read slowed by a busy database holds
   * up no client; it goes on and stores its answer for the requests after it. Requests arriving
   * meanwhile get the previous answer (ResponseCacheTest). A read that fails or is refused stores
   * nothing, and the next request reads again.
   */
  private Mono<Void> refresh(
      String key,
      CachedAnswer stale,
      ServerHttpRequest request,
      ServerHttpResponse response,
      RequestRecord record,
      Function<ServerHttpResponse, Mono<Void>> handlers) {
    Sinks.Empty<Void> read = Sinks.empty();
    Mono.defer(() -> handlers.apply(new DetachedResponse()))
        .doFinally(
            signal -> {
              stale.refreshing().set(false);
              read.tryEmitEmpty();
            })
        // WebFlux answers what the handlers throw; what escapes it would otherwise vanish here.
        .subscribe(
            null,
            error ->
                log.warn(
                    "A background read of {} failed; the previous answer stays",
                    stale.route(),
                    error));
    return read.asMono()
        .timeout(ttl.refreshWait(), Mono.empty())
        .then(
            Mono.defer(
                () -> {
                  CachedAnswer now = store.getIfPresent(key);
                  CachedAnswer answer = now == null ? stale : now;
                  record.route(answer.route());
                  return answer.write(request, response);
                }));
  }

  /** The leader's answer if it stored one (a 500 or a refusal is not stored), else the handlers. */
  private Mono<Void> afterLeader(
      String key,
      ServerHttpRequest request,
      ServerHttpResponse response,
      RequestRecord record,
      Function<ServerHttpResponse, Mono<Void>> handlers) {
    CachedAnswer stored = store.getIfPresent(key);
    if (stored == null) {
      return handlers.apply(response);
    }
    record.route(stored.route());
    return stored.write(request, response);
  }

  /**
   * Keeps an answer the handlers wrote (unless caching is off for its kind, or a change touched
   * what it read since {@code mark}) and answers it.
   */
  Mono<Void> store(Stored answer, ServerHttpRequest request, ServerHttpResponse response) {
    boolean scores = isScores(answer.key());
    Duration life = lifeOf(scores, answer.dependencies());
    HttpHeaders headers = answer.headers();
    long now = System.nanoTime();
    CachedAnswer fresh =
        new CachedAnswer(
            answer.status(),
            answer.body(),
            answer.status() == 200 ? HttpConditions.etag(answer.body()) : null,
            headers.getFirst(HttpHeaders.CONTENT_TYPE),
            headers.getFirst("Link"),
            answer.status() == 200 ? headers.getLastModified() : -1,
            answer.route(),
            scores,
            answer.dependencies(),
            now + life.toNanos() * STALE_FACTOR,
            now + life.toNanos(),
            new AtomicBoolean());
    if (!life.isZero()) {
      synchronized (recent) { // with evict: a change is either seen here or evicts the entry
        if (!recent.touchedSince(answer.mark(), answer.dependencies())) {
          store.put(answer.key(), fresh);
        } else {
          // Kept as if the change came just after it: the requests that waited for this read get
          // it rather than each reading again, and the next one reads again. An entry already
          // there is as new or newer: left alone (ResponseCacheTest).
          store.asMap().putIfAbsent(answer.key(), fresh.evicted());
        }
      }
    }
    return fresh.write(request, response);
  }

  /** What {@link ResponseCacheFilter} captured of one answer. */
  record Stored(
      String key,
      long mark,
      int status,
      byte[] body,
      HttpHeaders headers,
      String route,
      CacheDependencies dependencies) {}

  private void evict(Change change) {
    synchronized (recent) {
      recent.add(change);
      if (change.everything()) {
        evictions.increment(store.estimatedSize());
        store.invalidateAll();
        return;
      }
      store
          .asMap()
          .forEach(
              (key, cached) -> {
                if (cached.dependencies().touchedBy(change)) {
                  evictions.increment();
                  store.asMap().replace(key, cached, cached.evicted());
                }
              });
    }
  }

  private static boolean isScores(String key) {
    return key.startsWith("/api/v2/games")
        || key.startsWith("/api/v2/players")
        || key.startsWith("/api/v2/status");
  }

  private Duration lifeOf(boolean scores, CacheDependencies dependencies) {
    Duration life = scores ? ttl.scoresTtl() : ttl.catalogueTtl();
    if (dependencies.volatileAnswer() || !changes.heard()) {
      return life.compareTo(ttl.unheardTtl()) > 0 ? ttl.unheardTtl() : life;
    }
    return life;
  }
}
