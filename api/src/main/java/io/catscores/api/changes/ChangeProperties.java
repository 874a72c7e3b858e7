package io.catscores.api.changes;

import static io.catscores.common.Setting.required;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The api's LISTEN connection for data changes (doc/architecture.md, "Live data").
 *
 * @param listen false leaves the cache to its TTLs alone (e.g. behind a pooler in transaction mode,
 *     which cannot LISTEN); the live leaderboards then refresh every {@code pollInterval}
 * @param minBackoff first wait before reconnecting a lost listening connection (doubles each try)
 * @param maxBackoff longest wait between reconnection attempts
 * @param keepAlive how often the idle listening connection is checked with a query (a silent
 *     network partition otherwise looks like "no changes")
 * @param pollInterval without listening, how often the live leaderboards re-read
 */
@ConfigurationProperties("api.changes")
public record ChangeProperties(
    boolean listen,
    Duration minBackoff,
    Duration maxBackoff,
    Duration keepAlive,
    Duration pollInterval) {

  public ChangeProperties {
    required("api.changes.min-backoff", minBackoff);
    required("api.changes.max-backoff", maxBackoff);
    required("api.changes.keep-alive", keepAlive);
    required("api.changes.poll-interval", pollInterval);
  }
}
