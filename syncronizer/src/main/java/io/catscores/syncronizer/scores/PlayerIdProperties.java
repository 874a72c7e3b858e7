package io.catscores.syncronizer.scores;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param idKey {@code PLAYER_ID_KEY}: the HMAC key of the public player ids; required outside
 *     local, never logged; every syncronizer instance must have the same one
 */
@Validated
@ConfigurationProperties("players")
record PlayerIdProperties(@NotBlank String idKey) {

  @Override
  public String toString() {
    return "PlayerIdProperties[idKey=***]";
  }
}
