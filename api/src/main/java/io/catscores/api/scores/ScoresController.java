package io.catscores.api.scores;

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
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Badge games, their leaderboards and each player's scores. */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "scores", description = "Conference badge game scores drained from the score queue")
class ScoresController {

  private static final Pattern UUID_FORM =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern ID_FORM = Pattern.compile("[a-z2-7]{12}");

  private final ScoreRepository scores;
  private final long pageReach;

  ScoresController(ScoreRepository scores, LeaderboardProperties properties) {
    this.scores = scores;
    this.pageReach = properties.pageReach();
  }

  @GetMapping("/games")
  @Operation(summary = "The badge games")
  Mono<List<ScoreViews.Game>> games(@Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "game");
    QueryParameters.of(exchange, Set.of());
    return scores.games().collectList();
  }

  @GetMapping("/games/{game}/leaderboard")
  @Operation(
      summary = "A game's leaderboard",
      description =
          "Game by id, name or abbreviation (`1`, `Breakout`, `BO`). best = score descending, then"
              + " the shorter duration; worst = the reverse; recent/stale = newest/oldest first seen."
              + " Pages are served where they start within 10 000 rows (the default of"
              + " API_LEADERBOARD_PAGE_REACH)"
              + " of either end of the board, so the first and the last pages always are; a page"
              + " deeper than that is a 400, and the Link header names only pages that are served.")
  @Parameter(
      in = ParameterIn.QUERY,
      name = "sortBy",
      schema = @Schema(implementation = ScoreOrder.class, defaultValue = "best"))
  @PageParameters
  Mono<ResponseEntity<Page<ScoreViews.Entry>>> leaderboard(
      @PathVariable String game, @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "game");
    QueryParameters query = QueryParameters.of(exchange, Set.of("sortBy", "page", "pageSize"));
    ScoreOrder order = query.choice("sortBy", ScoreOrder.values(), ScoreOrder.BEST);
    PageRequest page = query.page();
    return scores
        .game(QueryParameters.segment("game", game))
        .switchIfEmpty(
            Mono.error(() -> ApiException.notFound("No game '" + game + "'; see /api/v2/games")))
        .flatMap(
            found -> {
              CacheDependencies.declareGame(exchange, found.id(), "score", "player", "game");
              return Page.fetch(
                  scores.countScores(found.id()),
                  (p, total) -> scores.leaderboard(found.id(), order, p, total, pageReach),
                  page,
                  pageReach,
                  exchange);
            });
  }

  @GetMapping("/players/{player}")
  @Operation(
      summary = "A player's page: their scores",
      description =
          "By the public `playerId` the leaderboards show, or by the player's own user_uuid (the"
              + " answer shows only the playerId). With the games played and whether all four"
              + " are (\"around the world\"); 404 for a player with no score.")
  @PageParameters
  Mono<ScoreViews.PlayerScores> player(
      @PathVariable String player, @Parameter(hidden = true) ServerWebExchange exchange) {
    CacheDependencies.declare(exchange, "score", "player", "game");
    QueryParameters query = QueryParameters.of(exchange, Set.of("page", "pageSize"));
    PageRequest page = query.page();
    return find(player)
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No scores for this player")))
        .flatMap(found -> page(found, page));
  }

  private Mono<ScoreRepository.Player> find(String player) {
    if (UUID_FORM.matcher(player).matches()) {
      return scores.playerByUuid(UUID.fromString(player));
    }
    if (ID_FORM.matcher(player).matches()) {
      return scores.playerById(player);
    }
    // The value is not echoed: it may be a credential typed in the wrong place.
    return Mono.error(
        () -> ApiException.badRequest("Not a player id (12 characters a-z, 2-7) nor a user_uuid"));
  }

  private Mono<ScoreViews.PlayerScores> page(ScoreRepository.Player player, PageRequest page) {
    return scores
        .countPlayerScores(player.uuid())
        .filter(total -> total > 0)
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No scores for this player")))
        .flatMap(
            total -> {
              page.requireWithin(total);
              return Mono.zip(
                      scores.gamesPlayed(player.uuid()).collectList(),
                      scores.gameCount(),
                      scores.playerScores(player.uuid(), page).collectList())
                  .map(
                      found ->
                          new ScoreViews.PlayerScores(
                              player.id(),
                              found.getT1(),
                              found.getT1().size() == found.getT2(),
                              Page.of(found.getT3(), page, total)));
            });
  }
}
