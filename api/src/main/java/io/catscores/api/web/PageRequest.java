package io.catscores.api.web;

/** A requested page: {@code page} counts from 1. */
public record PageRequest(int page, int pageSize) {

  public long offset() {
    return (long) (page - 1) * pageSize;
  }

  /** 400 when the page lies beyond the last one (an empty result has one, empty, page). */
  public void requireWithin(long total) {
    long last = Math.max(1, (total + pageSize - 1) / pageSize);
    if (page > last) {
      throw ApiException.badRequest(
          "page " + page + " is beyond the last page (" + last + ") for " + total + " result(s)");
    }
  }
}
