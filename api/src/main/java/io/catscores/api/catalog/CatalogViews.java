package io.catscores.api.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the catalogue endpoints. */
final class CatalogViews {

  private CatalogViews() {}

  record Weight(String imperial, String metric) {}

  record Breed(
      String id,
      String source,
      String name,
      String origin,
      String countryCode,
      String description,
      List<String> temperaments,
      String lifeSpan,
      Weight weight,
      String wikipediaUrl,
      String referenceImageId,
      Map<String, Integer> traits) {}

  record BreedDetail(
      String id,
      String source,
      String name,
      String origin,
      String countryCode,
      String description,
      List<String> temperaments,
      String lifeSpan,
      Weight weight,
      String wikipediaUrl,
      String referenceImageId,
      Map<String, Integer> traits,
      List<Image> images,
      Instant updatedAt,
      Instant removedAt) {}

  record Image(String id, String source, String url, Integer width, Integer height) {}

  record Origin(String origin, long breeds) {}

  record Temperament(String temperament, long breeds) {}

  record Category(int id, String source, String name, long images) {}
}
