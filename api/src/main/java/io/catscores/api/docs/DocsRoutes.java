package io.catscores.api.docs;

import io.catscores.api.edge.ForwardedOrigin;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at /api/openapi.json and Swagger UI at /api/swagger, as springdoc served
 * them before the document moved to build time (OpenApiDocumentIT): the UI is the swagger-ui webjar
 * with our own swagger-initializer.js, which finds the document relative to its page, so both work
 * behind a proxy's path prefix too (OpenApiIT, ForwardedOriginIT).
 */
@Configuration(proxyBeanMethods = false)
class DocsRoutes {

  private static final String UI = "/api/swagger-ui/";
  private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript");

  @Bean
  RouterFunction<ServerResponse> docs(JsonMapper json) throws IOException {
    OpenApiDocument document =
        new OpenApiDocument(json, new ClassPathResource(OpenApiDocument.RESOURCE).getInputStream());
    String webjar =
        "META-INF/resources/webjars/swagger-ui/"
            + new WebJarVersionLocator().version("swagger-ui")
            + "/";
    ClassPathResource initializer = new ClassPathResource("docs/swagger-initializer.js");
    return RouterFunctions.route()
        .route(
            read("/api/openapi.json"),
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(document.answer(request.exchange().getRequest())))
        .route(
            read("/api/swagger"),
            request ->
                ServerResponse.status(HttpStatus.FOUND)
                    .location(
                        URI.create(
                            ForwardedOrigin.prefixOf(request.exchange().getRequest())
                                + UI
                                + "index.html"))
                    .build())
        .route(
            read(UI + "swagger-initializer.js"),
            request -> ServerResponse.ok().contentType(JAVASCRIPT).bodyValue(initializer))
        .build()
        .and(RouterFunctions.resources(UI + "**", new ClassPathResource(webjar)));
  }

  /** GET, and HEAD as springdoc's endpoints answered it (the server leaves out the body). */
  private static RequestPredicate read(String path) {
    return RequestPredicates.path(path)
        .and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD));
  }
}
