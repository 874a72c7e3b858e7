package io.catscores.api.web;

/** The old API's body for every answer that is not data: {@code {"message": "not found"}}. */
public record LegacyMessage(String message) {}
