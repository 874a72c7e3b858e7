package io.catscores.syncronizer.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Turns upstream JSON into rows, keeping what is valid: empty strings become absent, temperaments
 * are split, trimmed and made distinct case-insensitively, unknown fields are ignored, and an
 * object without id or name is rejected (the caller logs and counts it) rather than failing the
 * run.
 */
final class CatalogNormalizer {

  /** The 0..5 scales and 0/1 flags TheCatAPI (and TheDogAPI, partly) publish. */
  static final Set<String> TRAITS =
      Set.of(
          "adaptability",
          "affection_level",
          "child_friendly",
          "dog_friendly",
          "cat_friendly",
          "stranger_friendly",
          "energy_level",
          "grooming",
          "health_issues",
          "intelligence",
          "shedding_level",
          "social_needs",
          "vocalisation",
          "bidability",
          "indoor",
          "lap",
          "experimental",
          "hairless",
          "natural",
          "rare",
          "rex",
          "suppressed_tail",
          "short_legs",
          "hypoallergenic");

  private CatalogNormalizer() {}

  /** A row or the reason there is none. */
  record Result<T>(T row, String rejection) {}

  static Result<CatalogRows.Breed> breed(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new Result<>(null, "not a JSON object");
    }
    String id = text(node, "id");
    String name = text(node, "name");
    if (id == null || name == null) {
      return new Result<>(null, id == null ? "missing id" : "missing name (id " + id + ")");
    }
    JsonNode weight = node.path("weight");
    String referenceImage = text(node, "reference_image_id");
    if (referenceImage == null) {
      referenceImage = text(node.path("image"), "id");
    }
    return new Result<>(
        new CatalogRows.Breed(
            id,
            name,
            text(node, "origin"),
            text(node, "country_code"),
            text(node, "description"),
            temperaments(text(node, "temperament")),
            text(node, "life_span"),
            text(weight, "imperial"),
            text(weight, "metric"),
            wikipedia(node),
            referenceImage,
            traits(node)),
        null);
  }

  /** An http(s) URL, else nothing. */
  private static String wikipedia(JsonNode node) {
    String wikipedia = text(node, "wikipedia_url");
    return wikipedia != null && wikipedia.matches("(?i)https?://\\S+") ? wikipedia : null;
  }

  /** The known 0-10 traits that are whole numbers in range; others are left out. */
  private static Map<String, Integer> traits(JsonNode node) {
    Map<String, Integer> traits = new TreeMap<>();
    for (String trait : TRAITS) {
      JsonNode value = node.get(trait);
      if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
        int number = value.asInt();
        if (number >= 0 && number <= 10) {
          traits.put(trait, number);
        }
      }
    }
    return traits;
  }

  static Result<CatalogRows.Category> category(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    String name = node == null ? null : text(node, "name");
    if (id == null || !id.isIntegralNumber() || !id.canConvertToInt() || name == null) {
      return new Result<>(null, "missing id or name");
    }
    return new Result<>(new CatalogRows.Category(id.asInt(), name), null);
  }

  static Result<CatalogRows.Image> image(JsonNode node) {
    String id = node == null ? null : text(node, "id");
    String url = node == null ? null : text(node, "url");
    if (id == null || url == null || !url.matches("(?i)https?://\\S+")) {
      return new Result<>(null, "missing id or url");
    }
    return new Result<>(
        new CatalogRows.Image(id, url, positive(node.get("width")), positive(node.get("height"))),
        null);
  }

  /** "active, CURIOUS,, Curious " → [Active, Curious]: first spelling's position, Title Case. */
  static List<String> temperaments(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String part : commaSeparated.split(",")) {
      String trimmed = part.trim().replaceAll("\\s+", " ");
      if (!trimmed.isEmpty()) {
        byKey.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), titleCase(trimmed));
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static String titleCase(String words) {
    StringBuilder out = new StringBuilder(words.length());
    for (String word : words.toLowerCase(Locale.ROOT).split(" ")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  private static Integer positive(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToInt() && node.asInt() > 0
        ? node.asInt()
        : null;
  }

  /** The trimmed string at {@code field}, or null when absent, not a string, or blank. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !(value.isString() || value.isNumber())) {
      return null;
    }
    String text = value.asString().trim();
    return text.isEmpty() ? null : text;
  }
}
