package io.catscores.syncronizer.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminToken the bearer token the control API's POST endpoints require (ADMIN_TOKEN)
 */
@Validated
@ConfigurationProperties("control")
public record ControlProperties(@NotBlank @Size(min = 8) String adminToken) {

  /** Never prints the token. */
  @Override
  public String toString() {
    return "ControlProperties[adminToken=***]";
  }
}
