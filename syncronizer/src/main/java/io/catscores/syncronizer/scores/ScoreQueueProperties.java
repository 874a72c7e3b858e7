package io.catscores.syncronizer.scores;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the badge scores arrive and how they are drained.
 *
 * @param stream the Redis stream the drain reads (the durable queue)
 * @param group its consumer group
 * @param consumer this instance's consumer name; stable across restarts so a restarted instance
 *     takes back its own pending entries at once
 * @param deadLetterStream where unusable messages go, with reason and time
 * @param pubsubChannel the channel the badge API publishes on, bridged into {@code stream}
 * @param bridgeEnabled whether this instance runs the Pub/Sub bridge
 * @param bridgeDedupeWindow identical messages bridged by several instances within this window are
 *     appended once
 * @param batchSize entries read, written and acknowledged together
 * @param writers batches written to PostgreSQL at once
 * @param drainInterval how often the Quartz drain job fires
 * @param drainBudget how long one firing may drain before leaving the rest to the next
 * @param reclaimIdle entries pending this long on another consumer are taken over (XAUTOCLAIM)
 * @param scheduled whether the Quartz job drains at all (tests drive the drain directly)
 */
@Validated
@ConfigurationProperties("scores")
public record ScoreQueueProperties(
    @NotBlank String stream,
    @NotBlank String group,
    @NotBlank String consumer,
    @NotBlank String deadLetterStream,
    @NotBlank String pubsubChannel,
    boolean bridgeEnabled,
    @NotNull Duration bridgeDedupeWindow,
    @Min(1) @Max(50_000) int batchSize,
    @Min(1) @Max(16) int writers,
    @NotNull Duration drainInterval,
    @NotNull Duration drainBudget,
    @NotNull Duration reclaimIdle,
    boolean scheduled) {}
