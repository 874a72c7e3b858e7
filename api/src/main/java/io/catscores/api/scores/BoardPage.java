package io.catscores.api.scores;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The big-screen board at /board/: one static page (no build step) on the all-games live stream
 * (board/*.js, tested in a real browser by board/check). Its own script and style only: a strict
 * Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class BoardPage {

  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

  @Bean
  RouterFunction<ServerResponse> board() {
    return RouterFunctions.route(
            GET("/board"),
            request -> ServerResponse.permanentRedirect(URI.create("/board/")).build())
        .andRoute(GET("/board/"), request -> file("index.html", MediaType.TEXT_HTML))
        .andRoute(
            GET("/board/board.js"),
            request -> file("board.js", MediaType.valueOf("text/javascript")))
        .andRoute(
            GET("/board/board.css"), request -> file("board.css", MediaType.valueOf("text/css")));
  }

  private static reactor.core.publisher.Mono<ServerResponse> file(String name, MediaType type) {
    return ServerResponse.ok()
        .contentType(type)
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", POLICY)
        .bodyValue(new ClassPathResource("board/" + name));
  }
}
