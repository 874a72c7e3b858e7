package io.catscores.api.edge;

import static io.catscores.common.Setting.atLeast;
import static io.catscores.common.Setting.required;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the api may answer from memory; 0 turns caching off for that kind of data.
 *
 * @param catalogueTtl breeds, images, categories: a safety net, changes evict them at once
 * @param scoresTtl games, leaderboards, players: a safety net, changes evict them at once
 * @param unheardTtl the most any answer lives while no change can be heard (no listening
 *     connection), and the life of answers no change covers (the job schedule in the status)
 * @param maxBytes memory the cached bodies may take
 * @param refreshWait how long the request that reads a stale answer again waits for the new one
 *     before it gets the previous one (the read goes on and stores its answer for the next ones)
 */
@ConfigurationProperties("api.cache")
public record ApiCacheProperties(
    Duration catalogueTtl,
    Duration scoresTtl,
    Duration unheardTtl,
    long maxBytes,
    Duration refreshWait) {

  public ApiCacheProperties {
    required("API_CACHE_CATALOGUE_TTL", catalogueTtl);
    required("API_CACHE_SCORES_TTL", scoresTtl);
    required("API_CACHE_UNHEARD_TTL", unheardTtl);
    atLeast("api.cache.max-bytes", maxBytes, 0);
    required("API_CACHE_REFRESH_WAIT", refreshWait);
  }
}
