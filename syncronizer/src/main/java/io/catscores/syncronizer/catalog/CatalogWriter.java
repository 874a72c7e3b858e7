package io.catscores.syncronizer.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

  private static final String UPSERT_BREED =
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
      """;

  @Transactional
  public Changes writeBreeds(String source, List<CatalogRows.Breed> breeds) {
    Map<String, Known> known = known("breed", source);
    List<Hashed<CatalogRows.Breed>> changed = changed(known, breeds, CatalogRows.Breed::id);
    jdbc.batchUpdate(UPSERT_BREED, changed, 500, (ps, hashed) -> setBreed(ps, source, hashed));
    Set<String> incoming = new HashSet<>();
    breeds.forEach(b -> incoming.add(b.id()));
    int removed = markRemoved("breed", source, known, incoming);
    int inserted = inserted(known, changed, CatalogRows.Breed::id);
    return new Changes(inserted, changed.size() - inserted, removed);
  }

  private void setBreed(PreparedStatement ps, String source, Hashed<CatalogRows.Breed> hashed)
      throws SQLException {
    CatalogRows.Breed breed = hashed.row();
    ps.setString(1, source);
    ps.setString(2, breed.id());
    ps.setString(3, breed.name());
    ps.setString(4, breed.origin());
    ps.setString(5, breed.countryCode());
    ps.setString(6, breed.description());
    ps.setArray(7, ps.getConnection().createArrayOf("text", breed.temperaments().toArray()));
    Object[] keys = breed.temperaments().stream().map(t -> t.toLowerCase(Locale.ROOT)).toArray();
    ps.setArray(8, ps.getConnection().createArrayOf("text", keys));
    ps.setString(9, breed.lifeSpan());
    ps.setString(10, breed.weightImperial());
    ps.setString(11, breed.weightMetric());
    ps.setString(12, breed.wikipediaUrl());
    ps.setString(13, breed.referenceImageId());
    ps.setString(14, json.writeValueAsString(breed.traits()));
    ps.setString(15, hashed.hash());
  }

  /** The rows that are new, changed or back after a removal, with their content hash. */
  private <T> List<Hashed<T>> changed(
      Map<String, Known> known, Collection<T> rows, Function<T, String> id) {
    List<Hashed<T>> changed = new ArrayList<>();
    for (T row : rows) {
      String hash = hash(row);
      Known before = known.get(id.apply(row));
      if (before == null || before.removed() || !before.hash().equals(hash)) {
        changed.add(new Hashed<>(row, hash));
      }
    }
    return changed;
  }

  private static <T> int inserted(
      Map<String, Known> known, List<Hashed<T>> changed, Function<T, String> id) {
    return (int) changed.stream().filter(h -> !known.containsKey(id.apply(h.row()))).count();
  }

  @Transactional
  public Changes writeCategories(String source, List<CatalogRows.Category> categories) {
    Map<String, Known> known = known("category", source);
    Function<CatalogRows.Category, String> id = c -> String.valueOf(c.id());
    List<Hashed<CatalogRows.Category>> changed = changed(known, categories, id);
    jdbc.batchUpdate(
        """
        INSERT INTO category (source, id, name, content_hash) VALUES (?, ?, ?, ?)
        ON CONFLICT (source, id) DO UPDATE SET name = excluded.name,
            content_hash = excluded.content_hash, updated_at = now(), removed_at = NULL
        """,
        changed,
        500,
        (ps, hashed) -> {
          ps.setString(1, source);
          ps.setInt(2, hashed.row().id());
          ps.setString(3, hashed.row().name());
          ps.setString(4, hashed.hash());
        });
    Set<String> incoming = new HashSet<>();
    categories.forEach(c -> incoming.add(id.apply(c)));
    int removed = markRemoved("category", source, known, incoming);
    int inserted = inserted(known, changed, id);
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
    List<Hashed<CatalogRows.Image>> changed =
        changed(known, images.values(), CatalogRows.Image::id);
    int inserted = inserted(known, changed, CatalogRows.Image::id);
    jdbc.batchUpdate(
        """
        INSERT INTO image (source, id, url, width, height, content_hash) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (source, id) DO UPDATE SET url = excluded.url, width = excluded.width,
            height = excluded.height, content_hash = excluded.content_hash, updated_at = now()
        """,
        changed,
        500,
        (ps, hashed) -> {
          CatalogRows.Image image = hashed.row();
          ps.setString(1, source);
          ps.setString(2, image.id());
          ps.setString(3, image.url());
          ps.setObject(4, image.width());
          ps.setObject(5, image.height());
          ps.setString(6, hashed.hash());
        });
    Changes links =
        replaceLinks("breed_image", "breed_id", source, byBreed)
            .plus(replaceLinks("category_image", "category_id", source, byCategory));
    return new Changes(inserted, changed.size() - inserted, 0).plus(links);
  }

  private <K> Changes replaceLinks(
      String table, String ownerColumn, String source, List<CatalogRows.ImageSet<K>> sets) {
    Map<String, List<String>> current = links(table, ownerColumn, source);
    Changes changes = Changes.NONE;
    for (CatalogRows.ImageSet<K> set : sets) {
      List<String> wanted = set.images().stream().map(CatalogRows.Image::id).distinct().toList();
      if (!wanted.equals(current.getOrDefault(String.valueOf(set.owner()), List.of()))) {
        changes = changes.plus(relink(table, ownerColumn, source, set.owner(), wanted));
      }
    }
    return changes;
  }

  /** Each owner's linked image ids, in position order. */
  private Map<String, List<String>> links(String table, String ownerColumn, String source) {
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
    return current;
  }

  private Changes relink(
      String table, String ownerColumn, String source, Object owner, List<String> wanted) {
    int removed =
        jdbc.update(
            "DELETE FROM " + table + " WHERE source = ? AND " + ownerColumn + " = ?",
            source,
            owner);
    int inserted = 0;
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
              owner,
              wanted.get(position),
              position);
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
