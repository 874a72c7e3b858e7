package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A setting out of range stops start-up naming it, as Spring Boot binds it from the environment:
 * the records check their values in their constructors (io.catscores.common.Setting).
 */
class SettingsBindingTest {

  private static final Map<String, String> CACHE =
      Map.of(
          "api.cache.catalogue-ttl", "10m",
          "api.cache.scores-ttl", "2m",
          "api.cache.unheard-ttl", "1s",
          "api.cache.max-bytes", "1024",
          "api.cache.refresh-wait", "10ms");

  private static final Map<String, String> LIMIT =
      Map.of(
          "api.limit.cache-misses-per-second", "100",
          "api.limit.cache-miss-burst", "400",
          "api.limit.trusted-proxies", "",
          "api.limit.max-in-flight", "256",
          "api.limit.refusal-delay", "250ms");

  @Test
  void validSettingsBind() {
    assertThat(bind(CACHE, Map.of(), "api.cache", ApiCacheProperties.class).scoresTtl())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(bind(LIMIT, Map.of(), "api.limit", LimitProperties.class).cacheMissBurst())
        .isEqualTo(400);
  }

  @Test
  void anEmptyDurationStopsStartUpNamingIt() {
    assertStopsNaming(
        () ->
            bind(CACHE, Map.of("api.cache.scores-ttl", ""), "api.cache", ApiCacheProperties.class),
        "API_CACHE_SCORES_TTL must be set");
  }

  @Test
  void aNumberBelowItsMinimumStopsStartUpNamingIt() {
    assertStopsNaming(
        () ->
            bind(
                LIMIT,
                Map.of("api.limit.cache-miss-burst", "0"),
                "api.limit",
                LimitProperties.class),
        "API_LIMIT_MISS_BURST must be at least 1, not 0");
    assertStopsNaming(
        () ->
            bind(CACHE, Map.of("api.cache.max-bytes", "-1"), "api.cache", ApiCacheProperties.class),
        "api.cache.max-bytes must be at least 0, not -1");
  }

  private static void assertStopsNaming(ThrowingCallable binding, String message) {
    assertThatThrownBy(binding).rootCause().hasMessage(message);
  }

  private static <T> T bind(
      Map<String, String> settings, Map<String, String> changed, String prefix, Class<T> type) {
    Map<String, String> all = new HashMap<>(settings);
    all.putAll(changed);
    return new Binder(new MapConfigurationPropertySource(all)).bind(prefix, type).get();
  }
}
