package io.catscores.api.web;

import io.r2dbc.spi.R2dbcException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error as application/problem+json (RFC 9457). Framework errors (404, 405, 406, bad
 * parameters) come from the base class; the database being unreachable is a 503, never a 500.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler({
    R2dbcException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    TimeoutException.class
  })
  Mono<ResponseEntity<ProblemDetail>> databaseUnavailable(Exception e, ServerWebExchange exchange) {
    RequestRecord record = RequestRecord.of(exchange);
    log.warn(
        record == null ? null : record.traceFields(),
        "Database unavailable for {}: {}",
        exchange.getRequest().getPath(),
        e.toString());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database is unavailable; the request can be retried shortly.");
    return Mono.just(
        ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header("Retry-After", "5")
            .body(problem));
  }
}
