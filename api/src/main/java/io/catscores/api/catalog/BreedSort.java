package io.catscores.api.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The orders of a breed list: the one declaration of the {@code sort} values, read by the parameter
 * check, the SQL and the OpenAPI document (its enum, through {@link #key()}).
 */
enum BreedSort {
  NAME("name", "name, source, id"),
  NAME_DESC("-name", "name DESC, source, id"),
  ORIGIN("origin", "origin NULLS LAST, name, source, id"),
  ORIGIN_DESC("-origin", "origin DESC NULLS LAST, name, source, id"),
  ID("id", "id, source"),
  ID_DESC("-id", "id DESC, source");

  private static final List<String> KEYS = Arrays.stream(values()).map(BreedSort::key).toList();

  private final String key;
  final String orderBy;

  BreedSort(String key, String orderBy) {
    this.key = key;
    this.orderBy = orderBy;
  }

  @JsonValue
  String key() {
    return key;
  }

  static List<String> keys() {
    return KEYS;
  }

  /** The order named {@code key}, one of {@link #keys()}. */
  static BreedSort of(String key) {
    return values()[KEYS.indexOf(key)];
  }
}
