package io.catscores.api.edge;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("api.cache")
public record ApiCacheProperties(
    @NotNull Duration catalogueTtl,
    @NotNull Duration scoresTtl,
    @NotNull Duration unheardTtl,
    @Min(0) long maxBytes,
    @NotNull Duration refreshWait) {}
