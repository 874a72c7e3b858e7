package io.catscores.syncronizer.control;

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
 * details. Compares in constant time and never logs the token presented or expected.
 */
class AdminTokenInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AdminTokenInterceptor.class);

  private final byte[] expected;

  AdminTokenInterceptor(ControlProperties properties) {
    this.expected = properties.adminToken().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      log.warn("Control command {} refused: no bearer token", request.getRequestURI());
      ErrorResponseException refused =
          refusal(
              HttpStatus.UNAUTHORIZED, "This command needs 'Authorization: Bearer <ADMIN_TOKEN>'.");
      refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"syncronizer\"");
      throw refused;
    }
    byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, presented)) {
      log.warn("Control command {} refused: wrong bearer token", request.getRequestURI());
      throw refusal(HttpStatus.FORBIDDEN, "The bearer token is not the admin token.");
    }
    return true;
  }

  private static ErrorResponseException refusal(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
