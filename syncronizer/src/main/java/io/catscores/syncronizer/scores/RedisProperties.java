package io.catscores.syncronizer.scores;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The Redis server holding the score stream (REDIS_HOST, REDIS_PORT). */
@Validated
@ConfigurationProperties("redis")
public record RedisProperties(
    @NotBlank String host, @Min(1) @Max(65535) int port, @NotNull Duration commandTimeout) {}
