package io.catscores.syncronizer.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes one entity set per transaction and only what changed: rows are compared by a hash of their
 * normalised content, so a resync of an unchanged upstream writes nothing. Rows gone from the
 * upstream are marked removed, never deleted.
 */
@Repository
class CatalogWriter {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  CatalogWriter(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Rows written by one call. */
  record Changes(int inserted, int updated, int removed) {
    static final Changes NONE = new Changes(0, 0, 0);

    Changes plus(Changes other) {
      return new Changes(
          inserted + other.inserted, updated + other.updated, removed + other.removed);
    }
  }

  private record Known(String hash, boolean removed) {}

  private record Hashed<T>(T row, String hash) {}

  @Transactional
  public Changes writeBreeds(String source, List<CatalogRows.Breed> breeds) {
    Map<String, Known> known = known("breed", source);
    List<Hashed<CatalogRows.Breed>> changed = new ArrayList<>();
    int inserted = 0;
    for (CatalogRows.Breed breed : breeds) {
      String hash = hash(breed);
      Known before = known.get(breed.id());
      if (before == null || before.removed() || !before.hash().equals(hash)) {
        changed.add(new Hashed<>(breed, hash));
        inserted += before == null ? 1 : 0;
      }
    }
    jdbc.batchUpdate(
        """
        INSERT INTO breed (source, id, name, origin, country_code, description, temperaments,
                           temperament_keys, life_span, weight_imperial, weight_metric,
                           wikipedia_url, reference_image_id, traits, content_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
        ON CONFLICT (source, id) DO UPDATE SET
            name = excluded.name, origin = excluded.origin, country_code = excluded.country_code,
            description = excluded.description, temperaments = excluded.temperaments,
            temperament_keys = excluded.temperament_keys, life_span = excluded.life_span,
            weight_imperial = excluded.weight_imperial, weight_metric = excluded.weight_metric,
            wikipedia_url = excluded.wikipedia_url,
            reference_image_id = excluded.reference_image_id, traits = excluded.traits,
            content_hash = excluded.content_hash, updated_at = now(), removed_at = NULL
        """,
        changed,
        500,
        (ps, hashed) -> {
          CatalogRows.Breed breed = hashed.row();
          ps.setString(1, source);
          ps.setString(2, breed.id());
          ps.setString(3, breed.name());
          ps.setString(4, breed.origin());
          ps.setString(5, breed.countryCode());
          ps.setString(6, breed.description());
          ps.setArray(7, ps.getConnection().createArrayOf("text", breed.temperaments().toArray()));
          ps.setArray(
              8,
              ps.getConnection()
                  .createArrayOf(
                      "text",
                      breed.temperaments().stream()
                          .map(t -> t.toLowerCase(Locale.ROOT))
                          .toArray()));
          ps.setString(9, breed.lifeSpan());
          ps.setString(10, breed.weightImperial());
          ps.setString(11, breed.weightMetric());
          ps.setString(12, breed.wikipediaUrl());
          ps.setString(13, breed.referenceImageId());
          ps.setString(14, json.writeValueAsString(breed.traits()));
          ps.setString(15, hashed.hash());
        });
    Set<String> incoming = new HashSet<>();
    breeds.forEach(b -> incoming.add(b.id()));
    int removed = markRemoved("breed", source, known, incoming);
    return new Changes(inserted, changed.size() - inserted, removed);
  }

  @Transactional
  public Changes writeCategories(String source, List<CatalogRows.Category> categories) {
    Map<String, Known> known = known("category", source);
    List<CatalogRows.Category> changed = new ArrayList<>();
    int inserted = 0;
    for (CatalogRows.Category category : categories) {
      Known before = known.get(String.valueOf(category.id()));
      if (before == null || before.removed() || !before.hash().equals(hash(category))) {
        changed.add(category);
        inserted += before == null ? 1 : 0;
      }
    }
    jdbc.batchUpdate(
        """
        INSERT INTO category (source, id, name, content_hash) VALUES (?, ?, ?, ?)
        ON CONFLICT (source, id) DO UPDATE SET name = excluded.name,
            content_hash = excluded.content_hash, updated_at = now(), removed_at = NULL
        """,
        changed,
        500,
        (ps, category) -> {
          ps.setString(1, source);
          ps.setInt(2, category.id());
          ps.setString(3, category.name());
          ps.setString(4, hash(category));
        });
    Set<String> incoming = new HashSet<>();
    categories.forEach(c -> incoming.add(String.valueOf(c.id())));
    int removed = markRemoved("category", source, known, incoming);
    return new Changes(inserted, changed.size() - inserted, removed);
  }

  /**
   * Writes the images found for breeds and categories and replaces an owner's links only when its
   * list changed. Owners not searched this time keep their links.
   */
  @Transactional
  public Changes writeImages(
      String source,
      List<CatalogRows.ImageSet<String>> byBreed,
      List<CatalogRows.ImageSet<Integer>> byCategory) {
    Map<String, CatalogRows.Image> images = new LinkedHashMap<>();
    byBreed.forEach(set -> set.images().forEach(i -> images.putIfAbsent(i.id(), i)));
    byCategory.forEach(set -> set.images().forEach(i -> images.putIfAbsent(i.id(), i)));
    Map<String, Known> known = known("image", source);
    List<CatalogRows.Image> changed =
        images.values().stream()
            .filter(i -> known.get(i.id()) == null || !known.get(i.id()).hash().equals(hash(i)))
            .toList();
    int inserted = (int) changed.stream().filter(i -> !known.containsKey(i.id())).count();
    jdbc.batchUpdate(
        """
        INSERT INTO image (source, id, url, width, height, content_hash) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (source, id) DO UPDATE SET url = excluded.url, width = excluded.width,
            height = excluded.height, content_hash = excluded.content_hash, updated_at = now()
        """,
        changed,
        500,
        (ps, image) -> {
          ps.setString(1, source);
          ps.setString(2, image.id());
          ps.setString(3, image.url());
          ps.setObject(4, image.width());
          ps.setObject(5, image.height());
          ps.setString(6, hash(image));
        });
    Changes links =
        replaceLinks("breed_image", "breed_id", source, byBreed)
            .plus(replaceLinks("category_image", "category_id", source, byCategory));
    return new Changes(inserted, changed.size() - inserted, 0).plus(links);
  }

  private <K> Changes replaceLinks(
      String table, String ownerColumn, String source, List<CatalogRows.ImageSet<K>> sets) {
    Map<String, List<String>> current = new HashMap<>();
    jdbc.query(
        "SELECT "
            + ownerColumn
            + "::text AS owner, image_id FROM "
            + table
            + " WHERE source = ? ORDER BY owner, position",
        row -> {
          current
              .computeIfAbsent(row.getString("owner"), k -> new ArrayList<>())
              .add(row.getString("image_id"));
        },
        source);
    int inserted = 0;
    int removed = 0;
    for (CatalogRows.ImageSet<K> set : sets) {
      List<String> wanted = set.images().stream().map(CatalogRows.Image::id).distinct().toList();
      List<String> before = current.getOrDefault(String.valueOf(set.owner()), List.of());
      if (wanted.equals(before)) {
        continue;
      }
      removed +=
          jdbc.update(
              "DELETE FROM " + table + " WHERE source = ? AND " + ownerColumn + " = ?",
              source,
              set.owner());
      for (int position = 0; position < wanted.size(); position++) {
        inserted +=
            jdbc.update(
                "INSERT INTO "
                    + table
                    + " (source, "
                    + ownerColumn
                    + ", image_id, position)"
                    + " VALUES (?, ?, ?, ?)",
                source,
                set.owner(),
                wanted.get(position),
                position);
      }
    }
    return new Changes(inserted, 0, removed);
  }

  private Map<String, Known> known(String table, String source) {
    Map<String, Known> known = new HashMap<>();
    String removed = table.equals("image") ? "false" : "removed_at IS NOT NULL";
    jdbc.query(
        "SELECT id::text AS id, content_hash, "
            + removed
            + " AS removed FROM "
            + table
            + " WHERE source = ?",
        row -> {
          known.put(
              row.getString("id"),
              new Known(row.getString("content_hash"), row.getBoolean("removed")));
        },
        source);
    return known;
  }

  private int markRemoved(
      String table, String source, Map<String, Known> known, Set<String> incoming) {
    List<String> gone =
        known.entrySet().stream()
            .filter(e -> !e.getValue().removed() && !incoming.contains(e.getKey()))
            .map(Map.Entry::getKey)
            .toList();
    if (gone.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        connection -> {
          PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE "
                      + table
                      + " SET removed_at = now() WHERE source = ? AND id::text = ANY (?)");
          ps.setString(1, source);
          ps.setArray(2, connection.createArrayOf("text", gone.toArray()));
          return ps;
        });
  }

  private String hash(Object row) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(json.writeValueAsString(row).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
