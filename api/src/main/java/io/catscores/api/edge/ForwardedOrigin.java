package io.catscores.api.edge;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * The scheme and host a client used, when a trusted proxy ({@code API_TRUSTED_PROXIES}) says so in
 * {@code Forwarded} or {@code X-Forwarded-Proto/Host/Port}: behind a TLS-terminating ingress a
 * page's {@code Link} then says {@code https://the-public-host/…}, not {@code http://} and the
 * address the proxy dialled. From anyone else these headers are ignored, as is a value no URI can
 * hold. The response cache keys answers by the resulting scheme and host, so one client's headers
 * never decide another's Links (ForwardedOriginTest, ResponseCacheIT).
 */
final class ForwardedOrigin {

  private static final List<String> HEADERS =
      List.of("Forwarded", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port");

  private ForwardedOrigin() {}

  static ServerHttpRequest of(ServerHttpRequest request, TrustedProxies trustedProxies) {
    if (trustedProxies.isEmpty() || !trustedProxies.contains(ClientAddress.peer(request))) {
      return request;
    }
    HttpHeaders headers = request.getHeaders();
    if (HEADERS.stream().noneMatch(headers::containsHeader)) {
      return request;
    }
    URI sent = request.getURI();
    URI seen;
    try {
      seen = ForwardedHeaderUtils.adaptFromForwardedHeaders(sent, headers).build(true).toUri();
    } catch (RuntimeException malformed) { // e.g. "X-Forwarded-Host: a b": answer as if absent
      return request;
    }
    String scheme = seen.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || seen.getRawAuthority() == null) {
      return request;
    }
    return request.mutate().uri(seen).build();
  }
}
