package io.catscores.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A client error with a clear detail, rendered as application/problem+json. */
public class ApiException extends ErrorResponseException {

  private ApiException(HttpStatus status, String detail) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  /**
   * An expected answer, not a failure: no stack trace is taken (it would cost more than the answer;
   * issue #18).
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }
}
