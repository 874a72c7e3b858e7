package io.catscores.api.catalog;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binding helpers for optional filter values. */
final class Sql {

  private Sql() {}

  /** Binds {@code value}, or a typed NULL when it is null (filters test {@code :x IS NULL}). */
  static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, String name, T value, Class<T> type) {
    return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
  }

  /** A LIKE pattern matching {@code text} anywhere, with its wildcards taken literally. */
  static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
