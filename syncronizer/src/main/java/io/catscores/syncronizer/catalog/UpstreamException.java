package io.catscores.syncronizer.catalog;

import java.time.Duration;

/**
 * An upstream answer the sync cannot use: an HTTP error status or a body that is not the JSON
 * expected.
 */
class UpstreamException extends RuntimeException {

  private final int status;
  private final Duration retryAfter;

  UpstreamException(String message, int status, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** HTTP status, or 0 when the body, not the status, was the problem. */
  int status() {
    return status;
  }

  /** The delay the upstream asked for with a 429 or 503, or null. */
  Duration retryAfter() {
    return retryAfter;
  }

  /** 5xx, 429 and unreadable bodies are worth another try; other 4xx are not. */
  boolean retryable() {
    return status == 0 || status == 429 || status >= 500;
  }
}
