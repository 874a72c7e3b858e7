package io.catscores.api.web;

import io.catscores.api.edge.RequestRecord;
import io.catscores.common.Redact;
import io.r2dbc.spi.R2dbcException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error as application/problem+json (RFC 9457) on v2; framework errors (404, 405, 406, bad
 * parameters) come from the base class; the database being unreachable is a 503, never a 500. Under
 * /api/v1 the same errors keep the old API's body, {@code {"message": "not found"}} as
 * application/json, whatever the client accepts (V1ContractIT).
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
  Mono<ResponseEntity<Object>> databaseUnavailable(Exception e, ServerWebExchange exchange) {
    RequestRecord record = RequestRecord.of(exchange);
    log.warn(
        record == null ? null : record.traceFields(),
        "Database unavailable for {}: {}",
        Redact.path(exchange.getRequest().getPath().value()),
        Redact.credentials(e.toString()));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database is unavailable; the request can be retried shortly.");
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    return createResponseEntity(problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
  }

  /**
   * An unknown path: the detail in the client's terms, not Spring's ("No static resource
   * api/v3/breeds.", which names how the api looks paths up); ErrorsIT.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(
      ResponseStatusException e,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (e instanceof NoResourceFoundException) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              status, "No such path. The api's paths are listed in /api/openapi.json.");
      return handleExceptionInternal(e, problem, headers, status, exchange);
    }
    return super.handleResponseStatusException(e, headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    if (!isV1(exchange)) {
      if (body instanceof ProblemDetail problem) {
        withoutCredentials(problem, exchange);
        if (asksForEvents(exchange)) {
          // A refused live stream: a problem+json answer, not a problem sent as an event
          // (LeaderboardStreamIT).
          return answer(problem, headers, MediaType.APPLICATION_PROBLEM_JSON, status);
        }
      }
      return super.createResponseEntity(body, headers, status, exchange);
    }
    return answer(
        new LegacyMessage(legacyMessage(status)), headers, MediaType.APPLICATION_JSON, status);
  }

  /** The error answer with this content type, whatever the client's Accept asked for. */
  private static Mono<ResponseEntity<Object>> answer(
      Object body, HttpHeaders headers, MediaType type, HttpStatusCode status) {
    HttpHeaders withType = new HttpHeaders();
    if (headers != null) {
      withType.putAll(headers);
    }
    withType.setContentType(type);
    return Mono.just(new ResponseEntity<>(body, withType, status));
  }

  /**
   * A problem never carries a player's uuid or MAC (the badge API's credentials), not even one the
   * client sent in its own request path, percent-encoded or not (PrivacyIT). The instance is set
   * here, redacted, since WebFlux would otherwise fill it in with the raw path; a path without
   * credentials stays as sent, escapes included (ApiErrorsTest).
   */
  private static void withoutCredentials(ProblemDetail problem, ServerWebExchange exchange) {
    problem.setDetail(Redact.credentials(problem.getDetail()));
    String raw =
        problem.getInstance() != null
            ? problem.getInstance().getRawPath()
            : exchange.getRequest().getPath().value();
    problem.setInstance(instance(raw));
  }

  static URI instance(String rawPath) {
    if (rawPath == null) {
      return URI.create("about:blank");
    }
    String path = Redact.path(rawPath);
    if (path.equals(rawPath)) {
      try {
        return new URI(rawPath); // as sent, escapes included
      } catch (URISyntaxException notAUri) { // characters the server took but a URI may not hold
        // escaped below
      }
    }
    try {
      return new URI(null, null, path, null);
    } catch (URISyntaxException e) {
      return URI.create("about:blank");
    }
  }

  /** Read leniently: a malformed Accept header must not fail the error answer (FuzzIT). */
  private static boolean asksForEvents(ServerWebExchange exchange) {
    List<String> accept = exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT);
    return accept != null && accept.stream().anyMatch(value -> value.contains("text/event-stream"));
  }

  private static boolean isV1(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().value();
    return path.equals("/api/v1") || path.startsWith("/api/v1/");
  }

  /** The old API's words: "not found", "bad request"; others the status's reason in lower case. */
  static String legacyMessage(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "error" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
  }
}
