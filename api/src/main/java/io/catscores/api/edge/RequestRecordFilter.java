package io.catscores.api.edge;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands the request's {@link RequestRecord} from {@link ApiFront} to what runs inside WebFlux (the
 * error handlers' log lines, the response cache) and lets the record read the route template the
 * handler mapping finds.
 */
@Component
class RequestRecordFilter implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.deferContextual(
        context -> {
          RequestRecord record = context.getOrDefault(RequestRecord.class, null);
          if (record != null) {
            record.exchangeAttributes(exchange.getAttributes());
            exchange.getAttributes().put(RequestRecord.ATTRIBUTE, record);
          }
          return chain.filter(exchange);
        });
  }
}
