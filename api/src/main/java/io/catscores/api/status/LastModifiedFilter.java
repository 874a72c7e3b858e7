package io.catscores.api.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code Last-Modified} on data answers (FreshnessIT): catalogue answers carry the time of the last
 * successful sync, score answers the time of the newest stored score. Set before the handlers run,
 * so the response cache keeps it with the answer and answers {@code If-Modified-Since} from it;
 * removed again from anything but a 2xx. A database that cannot say within 250 ms leaves the header
 * out: it never fails or slows a request (LogSearchIT: a 400 stays fast while PostgreSQL stalls).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LastModifiedFilter implements WebFilter {

  /** Healthy, the look-up answers from memory or in a millisecond; else no header. */
  private static final Duration LOOKUP_LIMIT = Duration.ofMillis(250);

  private static final List<String> CATALOGUE =
      List.of(
          "/api/v2/breeds",
          "/api/v2/origins",
          "/api/v2/temperaments",
          "/api/v2/categories",
          "/api/v2/images",
          "/api/v1/breeds");

  private final Freshness freshness;

  LastModifiedFilter(Freshness freshness) {
    this.freshness = freshness;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Mono<Instant> changed = changedAt(exchange);
    if (changed == null) {
      return chain.filter(exchange);
    }
    ServerHttpResponse response = exchange.getResponse();
    return changed
        .timeout(LOOKUP_LIMIT) // a stalled database never slows answers that do not need it
        .onErrorResume(e -> Mono.empty())
        .doOnNext(at -> response.getHeaders().setLastModified(at))
        .then(
            Mono.defer(
                () -> {
                  response.beforeCommit(
                      () -> {
                        if (response.getStatusCode() == null
                            || !response.getStatusCode().is2xxSuccessful()) {
                          response.getHeaders().remove(HttpHeaders.LAST_MODIFIED);
                        }
                        return Mono.empty();
                      });
                  return chain.filter(exchange);
                }));
  }

  /** When the data this request reads last changed, or null for requests that read no data. */
  private Mono<Instant> changedAt(ServerWebExchange exchange) {
    HttpMethod method = exchange.getRequest().getMethod();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return null;
    }
    String path = exchange.getRequest().getPath().value();
    if (path.startsWith("/api/v2/games") || path.startsWith("/api/v2/players")) {
      return freshness.scores();
    }
    for (String catalogue : CATALOGUE) {
      if (path.startsWith(catalogue)) {
        return freshness.catalogue();
      }
    }
    return null;
  }
}
