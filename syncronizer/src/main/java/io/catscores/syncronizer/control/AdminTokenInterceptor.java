package io.catscores.syncronizer.control;

import io.catscores.common.Redact;
import io.catscores.common.TokenBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the control API's commands: no bearer token → 401, a wrong one → 403, both as problem
 * details. Compares in constant time and never logs the token presented or expected. A client
 * (remote address) that keeps failing gets 429 with Retry-After, even with the right token, so the
 * token cannot be guessed at speed; every refusal is counted in {@code control_auth_refused_total}
 * by reason (JobsControllerIT).
 */
class AdminTokenInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AdminTokenInterceptor.class);

  private final byte[] expected;
  private final TokenBuckets failures;
  private final MeterRegistry meters;

  AdminTokenInterceptor(ControlProperties properties, MeterRegistry meters) {
    this.expected = properties.adminToken().getBytes(StandardCharsets.UTF_8);
    double perSecond = 1.0 / Math.max(0.001, properties.authFailureRefill().toMillis() / 1000.0);
    this.failures = new TokenBuckets(perSecond, properties.authFailureBurst(), 10_000);
    this.meters = meters;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    // Commands need the token; so does reading dead letters, whose payloads identify players.
    if (!"POST".equals(request.getMethod())
        && !request.getRequestURI().startsWith(DeadLettersController.BASE)) {
      return true;
    }
    String client = request.getRemoteAddr();
    if (!failures.hasToken(client)) {
      refused("blocked");
      long seconds = Math.max(1, (failures.wait(client) + 999_999_999L) / 1_000_000_000L);
      ErrorResponseException blocked =
          refusal(
              HttpStatus.TOO_MANY_REQUESTS,
              "Too many failed token attempts from this client; retry after " + seconds + " s.");
      blocked.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      throw blocked;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      failures.take(client);
      refused("missing");
      log.warn("Control command {} refused: no bearer token", Redact.path(request.getRequestURI()));
      ErrorResponseException refused =
          refusal(
              HttpStatus.UNAUTHORIZED, "This command needs 'Authorization: Bearer <ADMIN_TOKEN>'.");
      refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"syncronizer\"");
      throw refused;
    }
    byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, presented)) {
      failures.take(client);
      refused("wrong");
      log.warn(
          "Control command {} refused: wrong bearer token", Redact.path(request.getRequestURI()));
      throw refusal(HttpStatus.FORBIDDEN, "The bearer token is not the admin token.");
    }
    return true;
  }

  private void refused(String reason) {
    meters.counter("control.auth.refused", "reason", reason).increment();
  }

  private static ErrorResponseException refusal(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
