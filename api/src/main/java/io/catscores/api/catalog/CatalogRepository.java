package io.catscores.api.catalog;

import io.catscores.api.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Read-only SQL over the synced catalogue; removed breeds are left out of lists. */
@Repository
class CatalogRepository {

  private static final String BREED_FILTER =
      """
      removed_at IS NULL
        AND (CAST(:origin AS text) IS NULL OR lower(origin) = lower(:origin))
        AND temperament_keys @> CAST(:temperaments AS text[])
        AND (CAST(:name AS text) IS NULL OR name ILIKE :name)
        AND (CAST(:source AS text) IS NULL OR source = :source)
      """;

  private final DatabaseClient db;
  private final ObjectMapper json;

  CatalogRepository(DatabaseClient db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  record BreedFilter(String origin, List<String> temperaments, String name, String source) {}

  Mono<Long> countBreeds(BreedFilter filter) {
    return filtered("SELECT count(*) FROM breed WHERE " + BREED_FILTER, filter)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  Flux<CatalogViews.Breed> breeds(BreedFilter filter, BreedSort sort, PageRequest page) {
    return filtered(
            "SELECT * FROM breed WHERE "
                + BREED_FILTER
                + " ORDER BY "
                + sort.orderBy
                + " LIMIT :limit OFFSET :offset",
            filter)
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(this::toBreed)
        .all();
  }

  private GenericExecuteSpec filtered(String sql, BreedFilter filter) {
    GenericExecuteSpec spec = db.sql(sql);
    spec = Sql.bind(spec, "origin", filter.origin(), String.class);
    spec =
        spec.bind(
            "temperaments",
            filter.temperaments().stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toArray(String[]::new));
    spec =
        Sql.bind(
            spec, "name", filter.name() == null ? null : Sql.contains(filter.name()), String.class);
    return Sql.bind(spec, "source", filter.source(), String.class);
  }

  /** A breed row with the times only its detail shows. */
  private record Found(
      CatalogViews.Breed breed, OffsetDateTime updatedAt, OffsetDateTime removedAt) {}

  Mono<CatalogViews.BreedDetail> breed(String id, String source) {
    GenericExecuteSpec spec =
        db.sql(
                "SELECT * FROM breed WHERE id = :id"
                    + " AND (CAST(:source AS text) IS NULL OR source = :source)"
                    + " ORDER BY removed_at NULLS FIRST, source LIMIT 1")
            .bind("id", id);
    return Sql.bind(spec, "source", source, String.class)
        .map(
            row ->
                new Found(
                    toBreed(row),
                    row.get("updated_at", OffsetDateTime.class),
                    row.get("removed_at", OffsetDateTime.class)))
        .one()
        .flatMap(
            found ->
                images(
                        "SELECT i.* FROM breed_image bi JOIN image i"
                            + " ON i.source = bi.source AND i.id = bi.image_id"
                            + " WHERE bi.source = :source AND bi.breed_id = :owner ORDER BY bi.position",
                        found.breed().source(),
                        found.breed().id())
                    .collectList()
                    .map(
                        images ->
                            new CatalogViews.BreedDetail(
                                found.breed(),
                                images,
                                instant(found.updatedAt()),
                                instant(found.removedAt()))));
  }

  Flux<CatalogViews.Origin> origins() {
    return db.sql(
            "SELECT origin, count(*) AS breeds FROM breed WHERE removed_at IS NULL"
                + " AND origin IS NOT NULL GROUP BY origin ORDER BY origin")
        .map(
            row ->
                new CatalogViews.Origin(
                    row.get("origin", String.class), row.get("breeds", Long.class)))
        .all();
  }

  Flux<CatalogViews.Temperament> temperaments() {
    return db.sql(
            "SELECT t AS temperament, count(*) AS breeds FROM breed, unnest(temperaments) t"
                + " WHERE removed_at IS NULL GROUP BY t ORDER BY t")
        .map(
            row ->
                new CatalogViews.Temperament(
                    row.get("temperament", String.class), row.get("breeds", Long.class)))
        .all();
  }

  Flux<CatalogViews.Category> categories() {
    return db.sql(
            "SELECT c.id, c.source, c.name, count(ci.image_id) AS images FROM category c"
                + " LEFT JOIN category_image ci ON ci.source = c.source AND ci.category_id = c.id"
                + " WHERE c.removed_at IS NULL GROUP BY c.source, c.id, c.name ORDER BY c.name, c.source")
        .map(
            row ->
                new CatalogViews.Category(
                    row.get("id", Integer.class),
                    row.get("source", String.class),
                    row.get("name", String.class),
                    row.get("images", Long.class)))
        .all();
  }

  /** The category named or numbered {@code idOrName}, if any (first source wins). */
  Mono<CatalogViews.Category> category(String idOrName) {
    return categories()
        .filter(c -> String.valueOf(c.id()).equals(idOrName) || c.name().equalsIgnoreCase(idOrName))
        .next();
  }

  private static final String IMAGE_FILTER =
      """
      (CAST(:breed AS text) IS NULL OR EXISTS (SELECT 1 FROM breed_image bi WHERE bi.source = i.source
          AND bi.image_id = i.id AND bi.breed_id = :breed))
      AND (CAST(:category AS integer) IS NULL OR EXISTS (SELECT 1 FROM category_image ci
          WHERE ci.source = i.source AND ci.image_id = i.id AND ci.category_id = :category))
      AND (CAST(:source AS text) IS NULL OR i.source = :source)
      """;

  Mono<Long> countImages(String breed, Integer category, String source) {
    return imageFilter(
            "SELECT count(*) FROM image i WHERE " + IMAGE_FILTER, breed, category, source)
        .map(row -> row.get(0, Long.class))
        .one();
  }

  Flux<CatalogViews.Image> images(String breed, Integer category, String source, PageRequest page) {
    return imageFilter(
            "SELECT i.* FROM image i WHERE "
                + IMAGE_FILTER
                + " ORDER BY i.source, i.id LIMIT :limit OFFSET :offset",
            breed,
            category,
            source)
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(CatalogRepository::image)
        .all();
  }

  private GenericExecuteSpec imageFilter(
      String sql, String breed, Integer category, String source) {
    GenericExecuteSpec spec = Sql.bind(db.sql(sql), "breed", breed, String.class);
    spec = Sql.bind(spec, "category", category, Integer.class);
    return Sql.bind(spec, "source", source, String.class);
  }

  private Flux<CatalogViews.Image> images(String sql, String source, Object owner) {
    return db.sql(sql)
        .bind("source", source)
        .bind("owner", owner)
        .map(CatalogRepository::image)
        .all();
  }

  private static CatalogViews.Image image(Readable row) {
    return new CatalogViews.Image(
        row.get("id", String.class),
        row.get("source", String.class),
        row.get("url", String.class),
        row.get("width", Integer.class),
        row.get("height", Integer.class));
  }

  private CatalogViews.Breed toBreed(Readable row) {
    String[] temperaments = row.get("temperaments", String[].class);
    String traits = row.get("traits", String.class);
    return new CatalogViews.Breed(
        row.get("id", String.class),
        row.get("source", String.class),
        row.get("name", String.class),
        row.get("origin", String.class),
        row.get("country_code", String.class),
        row.get("description", String.class),
        temperaments == null ? List.of() : Arrays.asList(temperaments),
        row.get("life_span", String.class),
        new CatalogViews.Weight(
            row.get("weight_imperial", String.class), row.get("weight_metric", String.class)),
        row.get("wikipedia_url", String.class),
        row.get("reference_image_id", String.class),
        traits == null
            ? Map.of()
            : json.readValue(traits, new TypeReference<Map<String, Integer>>() {}));
  }

  private static java.time.Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
