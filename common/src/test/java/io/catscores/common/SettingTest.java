package io.catscores.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingTest {

  @Test
  void aMissingValueIsNamed() {
    assertThat(Setting.required("API_CACHE_SCORES_TTL", Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Setting.required("API_CACHE_SCORES_TTL", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("API_CACHE_SCORES_TTL must be set");
  }

  @Test
  void aValueBelowItsMinimumIsNamedWithBoth() {
    assertThat(Setting.atLeast("API_LIMIT_MISS_BURST", 1, 1)).isEqualTo(1);
    assertThatThrownBy(() -> Setting.atLeast("API_LIMIT_MISS_BURST", 0, 1))
        .hasMessage("API_LIMIT_MISS_BURST must be at least 1, not 0");
    assertThatThrownBy(() -> Setting.atLeast("API_LIMIT_MISSES_PER_SECOND", -0.5, 0))
        .hasMessage("API_LIMIT_MISSES_PER_SECOND must be at least 0.0, not -0.5");
    assertThatThrownBy(() -> Setting.atLeast("API_LIMIT_MISSES_PER_SECOND", Double.NaN, 0))
        .hasMessageContaining("not NaN");
  }
}
