package io.catscores.api.v1;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON shapes of the old Flask API, frozen: what its clients parse (V1ContractIT). Strings are
 * never null there ({@code ""} when unknown); {@code temperament} is one comma-joined string.
 */
final class V1Views {

  private V1Views() {}

  /** One line of {@code GET /api/v1/breeds/}. */
  @Schema(name = "V1BreedSummary")
  record Summary(String id, String name) {}

  /** {@code GET /api/v1/breeds/{id}}. */
  @Schema(name = "V1BreedDetail")
  record Detail(
      String id,
      String name,
      String description,
      String origin,
      String temperament,
      List<Image> images) {}

  @Schema(name = "V1Image")
  record Image(String id, String url) {}
}
