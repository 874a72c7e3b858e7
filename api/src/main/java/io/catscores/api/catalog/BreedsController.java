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
import io.swagger.v3.oas.annotations.media.ArraySchema;
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

/** Breeds: filtered, sorted and paged lists and one breed with its images (v1 is {@code v1/}). */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "catalogue", description = "Breeds, origins and temperaments synced from the upstreams")
class BreedsController {

  private final CatalogRepository catalog;

  BreedsController(CatalogRepository catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/breeds")
  @Operation(
      summary = "List breeds",
      description =
          "Active breeds (removed upstream ones are left out), filtered, sorted and paged. An"
              + " empty result is a 200 with an empty page.")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "origin",
      description = "Origin, case-insensitive, e.g. `United States`",
      schema = @Schema(type = "string"))
  @Parameter(
      in = ParameterIn.QUERY,
      name = "temperament",
      description = "Temperament, case-insensitive; repeat it to require all of them",
      array = @ArraySchema(schema = @Schema(type = "string")))
  @Parameter(
      in = ParameterIn.QUERY,
      name = "name",
      description = "Substring of the name, case-insensitive",
      schema = @Schema(type = "string"))
  @Parameter(
      in = ParameterIn.QUERY,
      name = "source",
      description = "Upstream source, e.g. `thecatapi`",
      schema = @Schema(type = "string"))
  @Parameter(
      in = ParameterIn.QUERY,
      name = "sort",
      schema = @Schema(implementation = BreedSort.class, defaultValue = "name"))
  @PageParameters
  Mono<ResponseEntity<Page<CatalogViews.Breed>>> breeds(
      @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "breed", "sync_run");
    QueryParameters query =
        QueryParameters.of(
            exchange,
            Set.of("origin", "temperament", "name", "source", "sort", "page", "pageSize"));
    var filter =
        new CatalogRepository.BreedFilter(
            query.text("origin"),
            query.texts("temperament"),
            query.text("name"),
            query.text("source"));
    BreedSort sort = query.choice("sort", BreedSort.values(), BreedSort.NAME);
    PageRequest page = query.page();
    return Page.fetch(
        catalog.countBreeds(filter), p -> catalog.breeds(filter, sort, p), page, exchange);
  }

  @GetMapping("/breeds/{id}")
  @Operation(summary = "One breed with its images", description = "404 when no source has the id.")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "source",
      description = "Pick the source when several have the id",
      schema = @Schema(type = "string"))
  Mono<CatalogViews.BreedDetail> breed(
      @PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "breed", "breed_image", "image", "sync_run");
    QueryParameters query = QueryParameters.of(exchange, Set.of("source"));
    return catalog
        .breed(QueryParameters.segment("id", id), query.text("source"))
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No breed with id '" + id + "'")));
  }

  @GetMapping("/origins")
  @Operation(summary = "Origins of the active breeds, with breed counts")
  Mono<List<CatalogViews.Origin>> origins(@Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "breed", "sync_run");
    QueryParameters.of(exchange, Set.of());
    return catalog.origins().collectList();
  }

  @GetMapping("/temperaments")
  @Operation(summary = "Temperaments of the active breeds, with breed counts")
  Mono<List<CatalogViews.Temperament>> temperaments(
      @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "breed", "sync_run");
    QueryParameters.of(exchange, Set.of());
    return catalog.temperaments().collectList();
  }
}
