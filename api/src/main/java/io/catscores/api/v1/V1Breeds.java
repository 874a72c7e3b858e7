package io.catscores.api.v1;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The old API's reads over today's catalogue. It knew one source, so each id is one breed here: the
 * active row of the first source (the row v2's detail picks too).
 */
@Repository
class V1Breeds {

  /** One row per id, as v1 sees the catalogue; filters apply to that row. */
  private static final String ACTIVE =
      "SELECT id, name FROM (SELECT DISTINCT ON (id) id, name, origin, temperament_keys"
          + " FROM breed WHERE removed_at IS NULL ORDER BY id, source) b WHERE ";

  private final DatabaseClient db;

  V1Breeds(DatabaseClient db) {
    this.db = db;
  }

  Flux<V1Views.Summary> all() {
    return summaries(db.sql(ACTIVE + "true ORDER BY id"));
  }

  /** Breeds with this temperament, compared case-insensitively (MySQL's collation did). */
  Flux<V1Views.Summary> byTemperament(String temperament) {
    return summaries(
        db.sql(ACTIVE + "temperament_keys @> ARRAY[CAST(:t AS text)] ORDER BY id")
            .bind("t", temperament.toLowerCase(Locale.ROOT)));
  }

  Flux<V1Views.Summary> byOrigin(String origin) {
    return summaries(
        db.sql(ACTIVE + "lower(origin) = lower(:origin) ORDER BY id").bind("origin", origin));
  }

  Mono<V1Views.Detail> detail(String id) {
    return db.sql(
            "SELECT source, id, name, description, origin, temperaments FROM breed WHERE id = :id"
                + " ORDER BY removed_at NULLS FIRST, source LIMIT 1")
        .bind("id", id)
        .map(
            row ->
                new Row(
                    row.get("source", String.class),
                    row.get("id", String.class),
                    row.get("name", String.class),
                    row.get("description", String.class),
                    row.get("origin", String.class),
                    row.get("temperaments", String[].class)))
        .one()
        .flatMap(row -> images(row).collectList().map(row::detail));
  }

  private record Row(
      String source,
      String id,
      String name,
      String description,
      String origin,
      String[] temperaments) {

    V1Views.Detail detail(List<V1Views.Image> images) {
      return new V1Views.Detail(
          id,
          name,
          description == null ? "" : description,
          origin == null ? "" : origin,
          temperaments == null ? "" : String.join(", ", Arrays.asList(temperaments)),
          images);
    }
  }

  private Flux<V1Views.Image> images(Row breed) {
    return db.sql(
            "SELECT i.id, i.url FROM breed_image bi JOIN image i"
                + " ON i.source = bi.source AND i.id = bi.image_id"
                + " WHERE bi.source = :source AND bi.breed_id = :id ORDER BY bi.position")
        .bind("source", breed.source())
        .bind("id", breed.id())
        .map(row -> new V1Views.Image(row.get("id", String.class), row.get("url", String.class)))
        .all();
  }

  private static Flux<V1Views.Summary> summaries(DatabaseClient.GenericExecuteSpec spec) {
    return spec.map(
            row -> new V1Views.Summary(row.get("id", String.class), row.get("name", String.class)))
        .all();
  }
}
