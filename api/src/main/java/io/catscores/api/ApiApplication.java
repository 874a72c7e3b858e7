package io.catscores.api;

import io.catscores.common.AppStarter;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The read-only JSON API over the synced catalogue and the drained scores. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

  /** The api logs in as the read-only role; its password has no safe default outside local. */
  static final List<String> REQUIRED_SECRETS = List.of("PG_API_PASSWORD");

  public static void main(String[] args) {
    AppStarter.run(ApiApplication.class, args, REQUIRED_SECRETS);
  }
}
