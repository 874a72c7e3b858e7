package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cached answers on one keep-alive connection, back to back, as load generators send them. */
@ApiIT
class ResponseCacheIT {

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  /**
   * The Link of a page names the host its request named. Cached by path alone, a request with a
   * forged Host header made every later client's Link point to that host (web cache poisoning).
   */
  @Test
  void oneClientsHostHeaderDoesNotDecideAnothersLinks() throws Exception {
    String path = "/api/v2/games/BO/leaderboard?pageSize=1&sortBy=worst";
    assertThat(linkOf(path, "evil.example")).contains("<http://evil.example/api/v2/games/BO/");
    String own = "localhost:" + port;
    assertThat(linkOf(path, own))
        .startsWith("<http://" + own + "/api/v2/games/BO/")
        .doesNotContain("evil");
  }

  private String linkOf(String path, String host) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(3_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
        if (header.toLowerCase().startsWith("link:")) {
          return header.substring(5).trim();
        }
      }
      return "";
    }
  }

  @Test
  void hundredsOfCachedAnswersOnOneConnectionAllComplete() throws Exception {
    String[] paths = {
      "/api/v2/origins", "/api/v2/breeds?origin=Egypt", "/api/v2/games", "/api/v2/breeds/abys"
    };
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(3_000); // a hung answer fails the test instead of waiting forever
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 400; i++) {
        String path = paths[i % paths.length];
        out.write(
            ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(in.readLine()).as("answer %d to %s", i, path).isEqualTo("HTTP/1.1 200 OK");
        int length = -1;
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
          if (header.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(header.substring(15).trim());
          }
        }
        assertThat(length).isPositive();
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
          read += in.read(body, read, length - read);
        }
      }
    }
    double hits =
        meters
            .get("cache.gets")
            .tag("cache", "api_responses")
            .tag("result", "hit")
            .functionCounter()
            .count();
    assertThat(hits).isGreaterThan(300);
  }
}
