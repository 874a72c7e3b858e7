package io.catscores.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.catscores.api.ApiIT;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 2,000 idle sockets and slowloris clients (a header byte at a time) do not stop the api from
 * serving others: the event loops never wait on a socket. A liveness check, not a speed test.
 */
@ApiIT
class IdleConnectionsIT {

  @LocalServerPort int port;

  @Test
  void othersAreServedWhileIdleAndSlowClientsHoldConnections() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 2000; i++) {
        Socket idle = new Socket();
        idle.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        held.add(idle);
      }
      List<OutputStream> slow = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Socket loris = new Socket("127.0.0.1", port);
        held.add(loris);
        slow.add(loris.getOutputStream());
      }
      byte[] header =
          "GET /api/v2/breeds HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (int round = 0; round < header.length; round++) {
        for (OutputStream loris : slow) {
          loris.write(header[round]); // one more byte, never the end of the headers
          loris.flush();
        }
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v2/breeds/abys"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
      }
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
