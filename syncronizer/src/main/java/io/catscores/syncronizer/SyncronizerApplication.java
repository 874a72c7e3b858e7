package io.catscores.syncronizer;

import io.catscores.common.AppStarter;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The writer: owns the schema, syncs the catalogue and drains the score stream. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyncronizerApplication {

  /** Secrets that have no safe default outside APP_ENV=local. */
  static final List<String> REQUIRED_SECRETS =
      List.of("PG_DB_PASSWORD", "PG_API_PASSWORD", "ADMIN_TOKEN", "PLAYER_ID_KEY");

  /** A guessable admin token would open the control API; outside local it must be long. */
  static final Map<String, Integer> MINIMUM_LENGTHS = Map.of("ADMIN_TOKEN", 32);

  public static void main(String[] args) {
    AppStarter.run(SyncronizerApplication.class, args, REQUIRED_SECRETS, MINIMUM_LENGTHS);
  }
}
