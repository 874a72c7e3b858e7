package io.catscores.api.edge;

import static io.catscores.common.Setting.required;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browsers on other sites may read the api (GET and HEAD only).
 *
 * @param allowedOrigins {@code API_CORS_ALLOWED_ORIGINS}: {@code *} (any site) or a comma-separated
 *     list of origins such as {@code https://board.example.org}
 */
@ConfigurationProperties("api.cors")
record CorsProperties(List<String> allowedOrigins) {

  CorsProperties {
    required("API_CORS_ALLOWED_ORIGINS", allowedOrigins);
  }
}
