package io.catscores.api.catalog;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the catalogue endpoints. Every property is always present (OpenApiConfig marks
 * them required); those that can be null say so for the OpenAPI document.
 */
final class CatalogViews {

  private CatalogViews() {}

  record Weight(@Schema(nullable = true) String imperial, @Schema(nullable = true) String metric) {}

  record Breed(
      String id,
      String source,
      String name,
      @Schema(nullable = true) String origin,
      @Schema(nullable = true) String countryCode,
      @Schema(nullable = true) String description,
      List<String> temperaments,
      @Schema(nullable = true) String lifeSpan,
      Weight weight,
      @Schema(nullable = true) String wikipediaUrl,
      @Schema(nullable = true) String referenceImageId,
      Map<String, Integer> traits) {}

  /** A breed with its images; the breed's fields stay at the top level of the JSON. */
  record BreedDetail(
      @JsonUnwrapped Breed breed,
      List<Image> images,
      @Schema(nullable = true) Instant updatedAt,
      @Schema(nullable = true) Instant removedAt) {}

  record Image(
      String id,
      String source,
      String url,
      @Schema(nullable = true) Integer width,
      @Schema(nullable = true) Integer height) {}

  record Origin(String origin, long breeds) {}

  record Temperament(String temperament, long breeds) {}

  record Category(int id, String source, String name, long images) {}
}
