package io.catscores.syncronizer.catalog;

import java.util.List;
import java.util.Map;

/** Normalised catalogue rows, as written to PostgreSQL; each knows its content hash. */
final class CatalogRows {

  private CatalogRows() {}

  record Breed(
      String id,
      String name,
      String origin,
      String countryCode,
      String description,
      List<String> temperaments,
      String lifeSpan,
      String weightImperial,
      String weightMetric,
      String wikipediaUrl,
      String referenceImageId,
      Map<String, Integer> traits) {}

  record Category(int id, String name) {}

  record Image(String id, String url, Integer width, Integer height) {}

  /** Images found for one breed or category, in upstream order. */
  record ImageSet<K>(K owner, List<Image> images) {}
}
