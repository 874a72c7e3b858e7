package io.catscores.syncronizer.control;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminToken the bearer token the control API's POST endpoints require (ADMIN_TOKEN; at
 *     least 32 characters outside local, SyncronizerApplication)
 * @param authFailureBurst failed token attempts a client may make before it gets 429s
 * @param authFailureRefill how often one more attempt is allowed after that
 */
@Validated
@ConfigurationProperties("control")
public record ControlProperties(
    @NotBlank @Size(min = 8) String adminToken,
    @DefaultValue("5") @Min(1) int authFailureBurst,
    @DefaultValue("12s") @NotNull Duration authFailureRefill) {

  /** Never prints the token. */
  @Override
  public String toString() {
    return "ControlProperties[adminToken=***, authFailureBurst="
        + authFailureBurst
        + ", authFailureRefill="
        + authFailureRefill
        + "]";
  }
}
