package io.catscores.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Documents what every operation can answer besides 200: problem+json errors on v2, the old
 * {"message"} body on v1; every operation is public (no security). The document must pass
 * openapi-generator's and Redocly's validators with 0 errors and generate a working client
 * (clients/openapi-check, run by CI).
 *
 * <p>Only OpenApiDocumentIT imports it, with springdoc: the api serves the document that test
 * makes, and loads neither. Not a {@code @Configuration}, so no other test context scans it in.
 */
class OpenApiConfig {

  private static final String PROBLEM = "Problem";
  private static final String MESSAGE = "LegacyMessage";

  @Bean
  OpenAPI apiInfo() {
    return new OpenAPI()
        .info(
            new Info()
                .title("catscores api")
                .version("v2")
                .description(
                    "Read-only JSON over the synced cat catalogue and the badge game scores. v2 is"
                        + " the current API; v1 is the old Flask API's contract, frozen for its"
                        + " clients (deprecated, doc/api-versions.md). Every 200 carries a strong"
                        + " ETag (If-None-Match gives 304)."));
  }

  @Bean
  OpenApiCustomizer errorResponses() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      // Jackson writes every property of our answers (null included): all are required.
      api.getComponents()
          .getSchemas()
          .values()
          .forEach(
              schema -> {
                if (schema.getProperties() != null) {
                  schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                }
              });
      api.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(MESSAGE, messageSchema());
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperations().forEach(operation -> document(path, operation)));
    };
  }

  private static void document(String path, Operation operation) {
    operation.setSecurity(List.of()); // public: no credentials of any kind
    ApiResponses responses = operation.getResponses();
    boolean v1 = path.startsWith("/api/v1/");
    String type = v1 ? "application/json" : "application/problem+json";
    String schema = v1 ? MESSAGE : PROBLEM;
    if (!path.startsWith("/healthz")) {
      responses.addApiResponse("400", error("A bad or unknown query parameter", type, schema));
      responses.addApiResponse(
          "304", new ApiResponse().description("Not modified (If-None-Match)"));
    }
    if (path.contains("{") || v1) {
      responses.addApiResponse("404", error("No such resource, or no match", type, schema));
    }
    responses.addApiResponse(
        "503", error("The database is unavailable; retry shortly", type, schema));
    if (v1 && !path.contains("{")) {
      responses.addApiResponse(
          "500", error("Only as a drill, with API_FAULT_INJECTION=true and ?err=", type, schema));
    }
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema());
  }

  private static Schema<?> messageSchema() {
    return new ObjectSchema()
        .description("The old API's error body, e.g. {\"message\": \"not found\"}")
        .addProperty("message", new StringSchema())
        .addRequiredItem("message");
  }

  private static ApiResponse error(String description, String mediaType, String schema) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    mediaType,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
  }
}
