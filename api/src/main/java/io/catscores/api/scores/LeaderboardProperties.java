package io.catscores.api.scores;

import static io.catscores.common.Setting.atLeast;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How leaderboards are paged.
 *
 * @param pageReach {@code API_LEADERBOARD_PAGE_REACH}: pages are served only where they start
 *     within this many rows of either end of a board. A page deeper than that makes PostgreSQL walk
 *     every row before it (~1 µs each: seconds at the middle of 2.5 M scores, doc/benchmarks.md,
 *     "Deep pages"), so its cost would grow with the table; 10 000 is where search APIs stop too
 */
@ConfigurationProperties("api.leaderboard")
record LeaderboardProperties(long pageReach) {

  LeaderboardProperties {
    atLeast("API_LEADERBOARD_PAGE_REACH", pageReach, 1);
  }
}
