package io.catscores.api.docs;

import io.catscores.api.edge.ForwardedOrigin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.server.reactive.ServerHttpRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the build made from the code (docs/openapi.json, written and checked by
 * OpenApiDocumentIT), with the one part that depends on the request: its {@code servers} entry, the
 * scheme, host and path prefix the client used (ForwardedOrigin), as Links say it. Laid out once;
 * an answer is the two fixed halves around that URL.
 */
final class OpenApiDocument {

  static final String RESOURCE = "docs/openapi.json";
  private static final String MARKER = "\u0000server\u0000";

  private final JsonMapper json;
  private final byte[] head;
  private final byte[] tail;

  OpenApiDocument(JsonMapper json, InputStream document) {
    this.json = json;
    ObjectNode read = (ObjectNode) json.readTree(bytes(document));
    ObjectNode laidOut = json.createObjectNode();
    laidOut.set("openapi", read.get("openapi"));
    laidOut.set("info", read.get("info"));
    laidOut
        .putArray("servers")
        .addObject()
        .put("url", MARKER)
        .put("description", "Generated server url");
    read.properties().forEach(property -> laidOut.set(property.getKey(), property.getValue()));
    String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(laidOut);
    String quoted = json.writeValueAsString(MARKER);
    int at = text.indexOf(quoted);
    this.head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    this.tail = text.substring(at + quoted.length()).getBytes(StandardCharsets.UTF_8);
  }

  /** The document as this request's client sees the api. */
  byte[] answer(ServerHttpRequest request) {
    byte[] server = json.writeValueAsBytes(server(request));
    byte[] answer = new byte[head.length + server.length + tail.length];
    System.arraycopy(head, 0, answer, 0, head.length);
    System.arraycopy(server, 0, answer, head.length, server.length);
    System.arraycopy(tail, 0, answer, head.length + server.length, tail.length);
    return answer;
  }

  /** Scheme, authority and path prefix of the api as the client reached it. */
  private static String server(ServerHttpRequest request) {
    URI uri = request.getURI();
    return uri.getScheme() + "://" + uri.getRawAuthority() + ForwardedOrigin.prefixOf(request);
  }

  private static byte[] bytes(InputStream in) {
    try (in;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
