package io.catscores.api.web;

/** A requested page: {@code page} counts from 1. */
public record PageRequest(int page, int pageSize) {

  /** No bound on how deep a page may start: lists that stay small (the catalogue). */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  public long offset() {
    return (long) (page - 1) * pageSize;
  }

  /** 400 when the page lies beyond the last one (an empty result has one, empty, page). */
  public void requireWithin(long total) {
    long last = lastPage(total);
    if (page > last) {
      throw ApiException.badRequest(
          "page " + page + " is beyond the last page (" + last + ") for " + total + " result(s)");
    }
  }

  /**
   * 400 when the page lies beyond the last one, or starts more than {@code reach} rows from both
   * ends of the list: such a page would cost the database a walk over every row before it, so it
   * grows with the table (doc/benchmarks.md, "Deep pages").
   */
  public void requireWithin(long total, long reach) {
    requireWithin(total);
    if (!reachable(page, total, reach)) {
      throw ApiException.badRequest(
          "page "
              + page
              + " starts "
              + offset()
              + " rows into "
              + total
              + " result(s); pages are served up to "
              + reach
              + " rows from either end (here pages 1-"
              + lastFromStart(reach)
              + " and "
              + firstFromEnd(total, reach)
              + "-"
              + lastPage(total)
              + "); the opposite sort order reads the list from its other end");
    }
  }

  /** Whether page {@code number} of this size starts within {@code reach} rows of either end. */
  public boolean reachable(long number, long total, long reach) {
    long start = (number - 1) * pageSize;
    return start < reach || total - start <= reach;
  }

  /**
   * The rows to read for this page: from the start of the list, or, for a page that starts at or
   * beyond {@code reach}, {@code backwards} in the reversed order from its end (the rows after the
   * page skipped, and only as many as the page holds).
   */
  public record Rows(long offset, int limit, boolean backwards) {}

  public Rows rows(long total, long reach) {
    long start = offset();
    if (start < reach) {
      return new Rows(start, pageSize, false);
    }
    return new Rows(
        Math.max(0, total - start - pageSize),
        (int) Math.max(0, Math.min(pageSize, total - start)),
        true);
  }

  public long lastPage(long total) {
    return Math.max(1, (total + pageSize - 1) / pageSize);
  }

  private long lastFromStart(long reach) {
    return (reach + pageSize - 1) / pageSize;
  }

  private long firstFromEnd(long total, long reach) {
    return (Math.max(0, total - reach) + pageSize - 1) / pageSize + 1;
  }
}
