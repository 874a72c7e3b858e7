package io.catscores.api.web;

/**
 * A value of an enumerated query parameter (an order, say): its {@link #key()} is what clients
 * send, and, through {@code @JsonValue} on the implementing enum, what the OpenAPI document lists.
 */
public interface Choice {

  String key();
}
