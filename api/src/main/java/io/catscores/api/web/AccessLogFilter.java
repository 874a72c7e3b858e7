package io.catscores.api.web;

import static net.logstash.logback.argument.StructuredArguments.kv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
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
              Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
              long micros = (System.nanoTime() - start) / 1_000;
              log.info(
                  "{} {} {} {} {}",
                  kv("method", exchange.getRequest().getMethod().name()),
                  kv("path", exchange.getRequest().getPath().value()),
                  kv("status", status == null ? 200 : status.value()),
                  kv("duration_ms", micros / 1000.0),
                  kv("route", route == null ? "unmatched" : route.toString()));
            });
  }
}
