package io.catscores.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents what every operation can answer besides 200: the problem+json errors. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  private static final String PROBLEM = "#/components/schemas/Problem";

  @Bean
  OpenAPI apiInfo() {
    Schema<?> problem =
        new ObjectSchema()
            .description("RFC 9457 problem details")
            .addProperty("type", new StringSchema())
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema());
    return new OpenAPI()
        .info(
            new Info()
                .title("catscores api")
                .version("v1")
                .description(
                    "Read-only JSON over the synced cat catalogue and the badge game scores. Every"
                        + " 200 carries a strong ETag (If-None-Match gives 304)."))
        .components(new Components().addSchemas("Problem", problem));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return api ->
        api.getPaths()
            .forEach(
                (path, item) ->
                    item.readOperations()
                        .forEach(
                            operation -> {
                              var responses = operation.getResponses();
                              responses.addApiResponse(
                                  "400", problem("A bad or unknown query parameter"));
                              if (path.contains("{")) {
                                responses.addApiResponse("404", problem("No such resource"));
                              }
                              responses.addApiResponse(
                                  "503", problem("The database is unavailable; retry shortly"));
                              responses.addApiResponse(
                                  "304",
                                  new ApiResponse().description("Not modified (If-None-Match)"));
                            }));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType().schema(new Schema<>().$ref(PROBLEM))));
  }
}
