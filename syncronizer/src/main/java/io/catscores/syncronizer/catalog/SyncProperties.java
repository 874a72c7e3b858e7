package io.catscores.syncronizer.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The catalogue upstreams and how hard to try them. A TheDogAPI-compatible source is one more entry
 * under {@code sync.sources}. {@code scheduled=false} registers no sync jobs (tests drive the sync
 * directly).
 */
@Validated
@ConfigurationProperties("sync")
public record SyncProperties(
    @NotEmpty List<@Valid Source> sources, @NotNull @Valid Http http, boolean scheduled) {

  /**
   * One TheCatAPI-compatible upstream.
   *
   * @param name stored with every row it produces; also names its job ({@code catalog-<name>})
   * @param baseUrl without {@code /v1}
   * @param apiKey sent as {@code x-api-key} when set; never logged
   * @param interval how often to sync, unless {@code cron} is set
   * @param cron a Quartz cron expression, preferred over {@code interval} when set
   * @param categories category names whose images are synced
   */
  public record Source(
      @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String name,
      @NotBlank @Pattern(regexp = "https?://.+") String baseUrl,
      String apiKey,
      @NotNull Duration interval,
      String cron,
      @NotNull List<String> categories) {

    public String jobName() {
      return "catalog-" + name;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
      return "Source[name="
          + name
          + ", baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey == null || apiKey.isBlank() ? "unset" : "***")
          + ", interval="
          + interval
          + ", cron="
          + cron
          + ", categories="
          + categories
          + "]";
    }
  }

  /**
   * Resilience settings shared by every source; each source gets its own breaker and rate limiter.
   *
   * @param retryAttempts attempts per request, the first included
   * @param maxRetryAfter longest Retry-After honoured; longer ones fail the request
   * @param breakerFailureRate percentage of failed calls in the window that opens the breaker
   * @param imagesPerBreed images requested per breed and per category
   * @param imageConcurrency image searches in flight at once per source
   */
  public record Http(
      @NotNull Duration connectTimeout,
      @NotNull Duration responseTimeout,
      @Min(1) @Max(10) int retryAttempts,
      @NotNull Duration retryInitialBackoff,
      @NotNull Duration retryMaxBackoff,
      @NotNull Duration maxRetryAfter,
      @Min(1) int rateLimitPerSecond,
      @DecimalMin("1") @DecimalMax("100") float breakerFailureRate,
      @Min(2) int breakerWindow,
      @NotNull Duration breakerOpenFor,
      @Min(1) @Max(25) int imagesPerBreed,
      @Min(1) @Max(32) int imageConcurrency) {}
}
