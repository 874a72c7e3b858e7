package io.catscores.api.edge;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Browsers on other sites may read the api (GET and HEAD only).
 *
 * @param allowedOrigins {@code API_CORS_ALLOWED_ORIGINS}: {@code *} (any site) or a comma-separated
 *     list of origins such as {@code https://board.example.org}
 */
@Validated
@ConfigurationProperties("api.cors")
record CorsProperties(@NotNull List<String> allowedOrigins) {}
