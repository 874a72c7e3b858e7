package io.catscores.api.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

/**
 * The query parameters of one request, checked strictly: an unknown or repeated parameter, a
 * malformed number or an out-of-range value is a 400 with a detail naming it, never a 500.
 */
public final class QueryParameters {

  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 200;
  private static final int MAX_LENGTH = 200;

  private final MultiValueMap<String, String> params;

  private QueryParameters(MultiValueMap<String, String> params) {
    this.params = params;
  }

  /** Reads the request's parameters, refusing any not in {@code allowed}. */
  public static QueryParameters of(ServerWebExchange exchange, Set<String> allowed) {
    MultiValueMap<String, String> params = exchange.getRequest().getQueryParams();
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw ApiException.badRequest(
          "Unknown query parameter(s) "
              + unknown
              + "; this endpoint accepts "
              + new TreeSet<>(allowed));
    }
    return new QueryParameters(params);
  }

  /** A single optional text value, trimmed; null when absent or empty. */
  public String text(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiException.badRequest("Query parameter '" + name + "' may be given once");
    }
    return checked(name, values.get(0));
  }

  /** Every value of a repeatable parameter, trimmed, empty ones dropped. */
  public List<String> texts(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 20) {
      throw ApiException.badRequest("Query parameter '" + name + "' may be given at most 20 times");
    }
    return values.stream().map(v -> checked(name, v)).filter(v -> v != null).toList();
  }

  /** One of {@code choices}, or {@code fallback} when absent. */
  public <C extends Choice> C choice(String name, C[] choices, C fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    for (C choice : choices) {
      if (choice.key().equals(value)) {
        return choice;
      }
    }
    List<String> keys = java.util.Arrays.stream(choices).map(Choice::key).toList();
    throw ApiException.badRequest(
        "Query parameter '" + name + "' must be one of " + keys + ", not '" + value + "'");
  }

  public int integer(String name, int fallback, int min, int max) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    if (!value.matches("-?\\d{1,9}")) {
      throw ApiException.badRequest(
          "Query parameter '" + name + "' must be a whole number, not '" + value + "'");
    }
    int number = Integer.parseInt(value);
    if (number < min || number > max) {
      throw ApiException.badRequest(
          "Query parameter '"
              + name
              + "' must be between "
              + min
              + " and "
              + max
              + ", not "
              + number);
    }
    return number;
  }

  /** page (from 1) and pageSize (1..200, default 20). */
  public PageRequest page() {
    return new PageRequest(
        integer("page", 1, 1, 1_000_000), integer("pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE));
  }

  /** A path segment such as a breed id: 400 when over-long or containing control characters. */
  public static String segment(String name, String value) {
    if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw ApiException.badRequest(
          "'" + name + "' must be at most " + MAX_LENGTH + " printable characters");
    }
    return value;
  }

  private static String checked(String name, String value) {
    String trimmed = value == null ? "" : value.trim();
    if (trimmed.length() > MAX_LENGTH) {
      throw ApiException.badRequest(
          "Query parameter '" + name + "' is longer than " + MAX_LENGTH + " characters");
    }
    if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw ApiException.badRequest("Query parameter '" + name + "' contains control characters");
    }
    return trimmed.isEmpty() ? null : trimmed;
  }
}
