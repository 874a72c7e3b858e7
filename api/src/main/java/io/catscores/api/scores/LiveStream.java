package io.catscores.api.scores;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents what every live leaderboard stream answers and its {@code top} parameter. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "`leaderboard` events; each event's data is one top, as JSON",
    content =
        @Content(
            mediaType = "text/event-stream",
            schema = @Schema(implementation = ScoreViews.Top.class)))
@Parameter(
    in = ParameterIn.QUERY,
    name = "top",
    schema =
        @Schema(
            type = "integer",
            minimum = "1",
            maximum = "" + LeaderboardStreams.MAX_TOP,
            defaultValue = "" + LeaderboardStreams.DEFAULT_TOP))
@interface LiveStream {}
