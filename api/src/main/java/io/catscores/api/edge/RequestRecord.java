package io.catscores.api.edge;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * One request as its telemetry sees it: when it started, its trace ids and, once known, its route
 * template. The ids tie the access log line to the request's other log lines and continue a
 * caller's W3C {@code traceparent}; no span is reported (there is no trace backend).
 */
public final class RequestRecord {

  /** Where {@link RequestRecordFilter} puts the record for the handlers behind it. */
  static final String ATTRIBUTE = RequestRecord.class.getName();

  private static final HexFormat HEX = HexFormat.of();

  final long startNanos;
  final String traceId;
  final String spanId;
  private volatile String route;
  private volatile Map<String, Object> exchangeAttributes;

  private RequestRecord(long startNanos, String traceId, String spanId) {
    this.startNanos = startNanos;
    this.traceId = traceId;
    this.spanId = spanId;
  }

  static RequestRecord start(ServerHttpRequest request) {
    long start = System.nanoTime();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId = callersTraceId(request.getHeaders().getFirst("traceparent"));
    if (traceId == null) {
      traceId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
    return new RequestRecord(start, traceId, HEX.toHexDigits(random.nextLong()));
  }

  /** The record of the exchange's request, or null when it did not come through the api's front. */
  public static RequestRecord of(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }

  /** The trace id of a valid W3C traceparent ({@code 00-<32 hex>-<16 hex>-<2 hex>}), else null. */
  static String callersTraceId(String traceparent) {
    if (traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")) {
      return null;
    }
    String traceId = traceparent.substring(3, 35);
    boolean nonZero = false;
    for (int i = 0; i < traceId.length(); i++) {
      char c = traceId.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return null;
      }
      nonZero |= c != '0';
    }
    return nonZero && traceparent.charAt(35) == '-' && traceparent.charAt(52) == '-'
        ? traceId
        : null;
  }

  /** The trace and span ids as log fields, for the request's log lines besides the access log. */
  public LogstashMarker traceFields() {
    return Markers.append("traceId", traceId).and(Markers.append("spanId", spanId));
  }

  void route(String route) {
    this.route = route;
  }

  void exchangeAttributes(Map<String, Object> attributes) {
    this.exchangeAttributes = attributes;
  }

  /** The route template: from the response cache, else from the handler mapping, else null. */
  String route() {
    if (route != null) {
      return route;
    }
    Map<String, Object> attributes = exchangeAttributes;
    Object matched =
        attributes == null ? null : attributes.get(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return matched == null ? null : matched.toString();
  }
}
