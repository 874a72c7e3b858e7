package io.catscores.api.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the page and pageSize query parameters every paged endpoint reads via
 * QueryParameters.page().
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
    in = ParameterIn.QUERY,
    name = "page",
    schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
@Parameter(
    in = ParameterIn.QUERY,
    name = "pageSize",
    schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
public @interface PageParameters {}
