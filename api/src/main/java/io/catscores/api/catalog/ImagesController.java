package io.catscores.api.catalog;

import io.catscores.api.edge.CacheDependencies;
import io.catscores.api.web.ApiException;
import io.catscores.api.web.Page;
import io.catscores.api.web.PageParameters;
import io.catscores.api.web.PageRequest;
import io.catscores.api.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Categories and images (hats, sunglasses, ... and three per breed). */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "catalogue")
class ImagesController {

  private final CatalogRepository catalog;

  ImagesController(CatalogRepository catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/categories")
  @Operation(summary = "Image categories, with how many images are synced for each")
  Mono<List<CatalogViews.Category>> categories(
      @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "category", "category_image", "sync_run");
    QueryParameters.of(exchange, Set.of());
    return catalog.categories().collectList();
  }

  @GetMapping("/categories/{category}/images")
  @Operation(summary = "Images of a category, given by id or name (e.g. `hats`)")
  @PageParameters
  Mono<ResponseEntity<Page<CatalogViews.Image>>> categoryImages(
      @PathVariable String category, @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "category", "category_image", "image", "sync_run");
    QueryParameters query = QueryParameters.of(exchange, Set.of("page", "pageSize"));
    PageRequest page = query.page();
    return catalog
        .category(QueryParameters.segment("category", category))
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No category '" + category + "'")))
        .flatMap(found -> images(null, found.id(), found.source(), page, exchange));
  }

  @GetMapping("/images")
  @Operation(summary = "Images, optionally of one breed and/or one category (id or name)")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "breed",
      description = "Breed id, e.g. `abys`",
      schema = @Schema(type = "string"))
  @Parameter(
      in = ParameterIn.QUERY,
      name = "category",
      description = "Category id or name, e.g. `hats`",
      schema = @Schema(type = "string"))
  @PageParameters
  Mono<ResponseEntity<Page<CatalogViews.Image>>> images(
      @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(
        exchange, "image", "breed_image", "category_image", "category", "sync_run");
    QueryParameters query =
        QueryParameters.of(exchange, Set.of("breed", "category", "page", "pageSize"));
    String breed = query.text("breed");
    String category = query.text("category");
    PageRequest page = query.page();
    if (category == null) {
      return images(breed, null, null, page, exchange);
    }
    // An unknown category matches no image: an empty page, like any other filter.
    return catalog
        .category(category)
        .flatMap(found -> images(breed, found.id(), found.source(), page, exchange))
        .switchIfEmpty(
            Mono.fromSupplier(
                () -> {
                  page.requireWithin(0);
                  return Page.<CatalogViews.Image>of(List.of(), page, 0)
                      .response(exchange, PageRequest.UNBOUNDED);
                }));
  }

  private Mono<ResponseEntity<Page<CatalogViews.Image>>> images(
      String breed, Integer category, String source, PageRequest page, ServerWebExchange exchange) {
    return Page.fetch(
        catalog.countImages(breed, category, source),
        p -> catalog.images(breed, category, source, p),
        page,
        exchange);
  }
}
