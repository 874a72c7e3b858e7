package io.catscores.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One page of a list, with the total, and RFC 8288 Link headers to its neighbours. */
public record Page<T>(List<T> items, int page, int pageSize, long total, long totalPages) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    return new Page<>(items, request.page(), request.pageSize(), total, request.lastPage(total));
  }

  /**
   * Counts, checks the requested page lies within the result (else 400), then fetches it: the shape
   * every paged endpoint shares.
   */
  public static <T> Mono<ResponseEntity<Page<T>>> fetch(
      Mono<Long> count,
      Function<PageRequest, Flux<T>> items,
      PageRequest page,
      ServerWebExchange exchange) {
    return fetch(count, (p, total) -> items.apply(p), page, PageRequest.UNBOUNDED, exchange);
  }

  /**
   * As above, for a list that grows without bound: only pages that start within {@code reach} rows
   * of either end are served (else 400), and the Link headers name only those. {@code items} gets
   * the total, to read a page near the end backwards.
   */
  public static <T> Mono<ResponseEntity<Page<T>>> fetch(
      Mono<Long> count,
      BiFunction<PageRequest, Long, Flux<T>> items,
      PageRequest page,
      long reach,
      ServerWebExchange exchange) {
    return count.flatMap(
        total -> {
          page.requireWithin(total, reach);
          return items
              .apply(page, total)
              .collectList()
              .map(list -> of(list, page, total).response(exchange, reach));
        });
  }

  /**
   * The page as a 200 with Link headers (first, prev, next, last) built from the request URL; prev
   * and next only where that page is served ({@code reach}).
   */
  public ResponseEntity<Page<T>> response(ServerWebExchange exchange, long reach) {
    PageRequest request = new PageRequest(page, pageSize);
    List<String> links = new ArrayList<>();
    links.add(link(exchange, 1, "first"));
    if (page > 1 && request.reachable(page - 1, total, reach)) {
      links.add(link(exchange, page - 1, "prev"));
    }
    if (page < totalPages && request.reachable(page + 1, total, reach)) {
      links.add(link(exchange, page + 1, "next"));
    }
    links.add(link(exchange, totalPages, "last"));
    return ResponseEntity.ok().header("Link", String.join(", ", links)).body(this);
  }

  private String link(ServerWebExchange exchange, long target, String rel) {
    String uri =
        UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
            .replaceQueryParam("page", target)
            .replaceQueryParam("pageSize", pageSize)
            .build()
            .toUriString();
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }
}
