package io.catscores.api.scores;

import io.catscores.api.web.ApiException;
import io.catscores.api.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live leaderboards as server-sent events: the current top N at once, then a new one whenever it
 * changes. A bad game or top is a problem+json answer before any stream starts.
 */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "live", description = "Leaderboards pushed as they change (text/event-stream)")
class LiveController {

  private final LeaderboardStreams streams;

  LiveController(LeaderboardStreams streams) {
    this.streams = streams;
  }

  @GetMapping(path = "/games/{game}/leaderboard/stream", produces = "text/event-stream")
  @Operation(
      summary = "A game's top N, live",
      description =
          "Server-sent events named `leaderboard`, each the whole top N (best order) with an `id`;"
              + " at most a few per second; a `heartbeat` comment every 15 s. Reconnecting (with"
              + " or without Last-Event-ID) gives the current top at once.")
  @LiveStream
  Mono<ResponseEntity<Flux<DataBuffer>>> game(
      @PathVariable String game, @Parameter(hidden = true) ServerWebExchange exchange) {
    int top = top(exchange);
    return streams
        .board(QueryParameters.segment("game", game))
        .switchIfEmpty(
            Mono.error(() -> ApiException.notFound("No game '" + game + "'; see /api/v2/games")))
        .map(board -> events(streams.stream(List.of(board), top)));
  }

  @GetMapping(path = "/leaderboards/stream", produces = "text/event-stream")
  @Operation(
      summary = "Every game's top N, live (the board at /board/)",
      description = "As a game's stream, with one `leaderboard` event per game and change.")
  @LiveStream
  Mono<ResponseEntity<Flux<DataBuffer>>> all(@Parameter(hidden = true) ServerWebExchange exchange) {
    int top = top(exchange);
    return streams.all().map(boards -> events(streams.stream(boards, top)));
  }

  private static int top(ServerWebExchange exchange) {
    return QueryParameters.of(exchange, Set.of("top"))
        .integer("top", LeaderboardStreams.DEFAULT_TOP, 1, LeaderboardStreams.MAX_TOP);
  }

  /** No proxy may buffer or cache a live stream. */
  private static <T> ResponseEntity<T> events(T body) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .body(body);
  }
}
