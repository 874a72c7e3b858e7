package io.catscores.api.v1;

import io.catscores.api.edge.CacheDependencies;
import io.catscores.api.web.ApiException;
import io.catscores.api.web.LegacyMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The old Flask API's two endpoints, answered as it answered them (doc/api-versions.md): a plain
 * array, one filter read in its order (temperament, then origin), other parameters next to a filter
 * ignored, 404 {"message": "not found"} for an empty result. Frozen: new behaviour goes to v2.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "v1", description = "The old API's contract, kept for its clients; deprecated, use v2")
class V1BreedsController {

  private static final int MAX_LENGTH = 200;

  private final V1Breeds breeds;
  private final FaultInjection faults;

  V1BreedsController(V1Breeds breeds, FaultInjection faults) {
    this.breeds = breeds;
    this.faults = faults;
  }

  @GetMapping("/breeds")
  @Operation(
      operationId = "v1Breeds",
      deprecated = true,
      summary = "Every active breed, or those with a temperament or an origin",
      description =
          "No parameter: every active breed. `temperament` wins over `origin`; other parameters"
              + " next to a filter are ignored; only unknown parameters → 400. No match → 404.")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "temperament",
      description = "Exact temperament, case-insensitive",
      schema = @Schema(type = "string"))
  @Parameter(
      in = ParameterIn.QUERY,
      name = "origin",
      description = "Exact origin, case-insensitive (ignored when `temperament` is given)",
      schema = @Schema(type = "string"))
  @ApiResponse(
      responseCode = "200",
      description = "The breeds, ordered by id",
      content =
          @Content(
              mediaType = "application/json",
              array = @ArraySchema(schema = @Schema(implementation = V1Views.Summary.class))))
  Mono<ResponseEntity<Object>> breeds(@Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "breed", "sync_run");
    MultiValueMap<String, String> params = exchange.getRequest().getQueryParams();
    Flux<V1Views.Summary> found;
    if (params.isEmpty()) {
      found = breeds.all();
    } else if (params.containsKey("temperament")) {
      found = matching(params.getFirst("temperament"), breeds::byTemperament);
    } else if (params.containsKey("origin")) {
      found = matching(params.getFirst("origin"), breeds::byOrigin);
    } else if (params.containsKey("err") && faults.enabled()) {
      return Mono.fromSupplier(() -> faults.inject(params.getFirst("err")));
    } else {
      return Mono.error(ApiException.badRequest("Unknown query parameter(s) " + params.keySet()));
    }
    return found
        .collectList()
        .filter(list -> !list.isEmpty())
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No breed matches")))
        .map(V1BreedsController::json);
  }

  @GetMapping("/breeds/{id}")
  @Operation(
      operationId = "v1Breed",
      deprecated = true,
      summary = "One breed with its images; 404 when unknown")
  @ApiResponse(
      responseCode = "200",
      description = "The breed",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = V1Views.Detail.class)))
  Mono<ResponseEntity<Object>> breed(
      @PathVariable String id, @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "breed", "breed_image", "image", "sync_run");
    if (!plausible(id)) {
      return Mono.error(() -> ApiException.notFound("No breed with id '" + id + "'"));
    }
    return breeds
        .detail(id)
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No breed with id '" + id + "'")))
        .map(V1BreedsController::json);
  }

  /**
   * A value no breed can have (over-long, control characters such as NUL that PostgreSQL refuses)
   * matches nothing: 404 without asking the database, never an error.
   */
  private static Flux<V1Views.Summary> matching(
      String value, Function<String, Flux<V1Views.Summary>> query) {
    return plausible(value) ? query.apply(value) : Flux.empty();
  }

  private static boolean plausible(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= MAX_LENGTH
        && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  /** v1 always answered JSON, whatever the client's Accept said. */
  private static ResponseEntity<Object> json(Object body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  static ResponseEntity<Object> message(int status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new LegacyMessage(message));
  }
}
