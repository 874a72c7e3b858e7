package io.catscores.api.web;

import static net.logstash.logback.argument.StructuredArguments.kv;

import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The api's access log: one JSON line per request with method, route template, path, status and
 * duration as fields (Kibana's "slow requests" and "5xx" searches use them). The query string is
 * left out: it is user input and may be long. {@code api.access-log=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "api.access-log", havingValue = "true", matchIfMissing = true)
class AccessLogFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger("access");
  private static final LogstashMarker ACCESS = Markers.append("event", "http_request");

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    return chain
        .filter(exchange)
        .doFinally(
            signal -> {
              HttpStatusCode status = exchange.getResponse().getStatusCode();
              String route = route(exchange);
              long micros = (System.nanoTime() - start) / 1_000;
              log.info(
                  ACCESS,
                  "{} {} {} {} {}",
                  kv("method", exchange.getRequest().getMethod().name()),
                  kv("path", exchange.getRequest().getPath().value()),
                  kv("status", status == null ? 200 : status.value()),
                  kv("duration_ms", micros / 1000.0),
                  kv("route", route));
            });
  }

  /**
   * The route template, from the same place the request metrics take it: the observation context,
   * which {@link ResponseCacheFilter} fills for cache hits that never reach a handler.
   */
  private static String route(ServerWebExchange exchange) {
    String observed =
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
            .map(ServerRequestObservationContext::getPathPattern)
            .orElse(null);
    if (observed != null) {
      return observed;
    }
    Object matched = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return matched == null ? "unmatched" : matched.toString();
  }
}
