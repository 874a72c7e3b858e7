package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request line as browsers and old scripts send it: {@code |}, {@code ^}, a backtick or {@code \}
 * unencoded (browsers leave them so in a query), or a {@code %} that starts no escape. The old API
 * read them literally; before RequestTargetRepair the api answered an empty 400 that no handler
 * saw, logged or counted. Sent over a raw socket: an HTTP client library would encode them.
 */
@ApiIT
class RequestTargetRepairIT {

  @LocalServerPort int port;

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "/api/v2/breeds?name=a|b => 200 => \"items\":[]",
        "/api/v2/breeds?name=100% => 200 => \"items\":[]",
        "/api/v2/breeds?name=%ZZ^` => 200 => \"items\":[]",
        "/api/v2/breeds?name=a\\b\"<x> => 200 => \"items\":[]",
        "/api/v1/breeds?origin=Egypt|x => 404 => {\"message\":",
        "/api/v2/breeds/a|b => 404 => No breed with id 'a|b'",
        "/api/v2/breeds?page=% => 400 => \"status\":400"
      })
  void oddCharactersInTheRequestLineAreReadLiterally(String target, int status, String body)
      throws IOException {
    String answer = send(target);
    assertThat(answer).startsWith("HTTP/1.1 " + status + " ").contains(body);
  }

  private String send(String target) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(5_000);
      String request =
          "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      in.transferTo(read);
      return read.toString(StandardCharsets.UTF_8);
    }
  }
}
