package io.catscores.api.edge;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the api may answer from memory; 0 turns caching off for that kind of data.
 *
 * @param catalogueTtl breeds, images, categories (they change when a sync writes)
 * @param scoresTtl games, leaderboards, players (the drain writes every second)
 * @param maxBytes memory the cached bodies may take
 */
@Validated
@ConfigurationProperties("api.cache")
public record ApiCacheProperties(
    @NotNull Duration catalogueTtl, @NotNull Duration scoresTtl, @Min(0) long maxBytes) {}
