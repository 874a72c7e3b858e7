package io.catscores.api.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import io.catscores.api.web.Choice;

/**
 * The orders of a breed list: the one declaration of the {@code sort} values, read by the parameter
 * check, the SQL and the OpenAPI document (its enum, through {@link #key()}).
 */
enum BreedSort implements Choice {
  NAME("name", "name, source, id"),
  NAME_DESC("-name", "name DESC, source, id"),
  ORIGIN("origin", "origin NULLS LAST, name, source, id"),
  ORIGIN_DESC("-origin", "origin DESC NULLS LAST, name, source, id"),
  ID("id", "id, source"),
  ID_DESC("-id", "id DESC, source");

  private final String key;
  final String orderBy;

  BreedSort(String key, String orderBy) {
    this.key = key;
    this.orderBy = orderBy;
  }

  @Override
  @JsonValue
  public String key() {
    return key;
  }
}
