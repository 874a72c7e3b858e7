package io.catscores.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One page of a list, with the total, and RFC 8288 Link headers to its neighbours. */
public record Page<T>(List<T> items, int page, int pageSize, long total, long totalPages) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    long pages = Math.max(1, (total + request.pageSize() - 1) / request.pageSize());
    return new Page<>(items, request.page(), request.pageSize(), total, pages);
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
    return count.flatMap(
        total -> {
          page.requireWithin(total);
          return items
              .apply(page)
              .collectList()
              .map(list -> of(list, page, total).response(exchange));
        });
  }

  /** The page as a 200 with Link headers (first, prev, next, last) built from the request URL. */
  public ResponseEntity<Page<T>> response(ServerWebExchange exchange) {
    List<String> links = new ArrayList<>();
    links.add(link(exchange, 1, "first"));
    if (page > 1) {
      links.add(link(exchange, page - 1, "prev"));
    }
    if (page < totalPages) {
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
