package io.catscores.observability;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** PUBLISH, as a badge gateway does it, in plain RESP: the one Redis command the scenario needs. */
final class Redis {

  private Redis() {}

  /** Publishes {@code payload} and answers how many subscribers received it. */
  static long publish(int port, String channel, String payload) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      StringBuilder command = new StringBuilder("*3\r\n");
      for (String part : new String[] {"PUBLISH", channel, payload}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        command.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
      }
      out.write(command.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      @SuppressWarnings("deprecation") // readLine is right for RESP's ASCII replies
      String reply = new DataInputStream(socket.getInputStream()).readLine();
      if (reply == null || !reply.startsWith(":")) {
        throw new IOException("PUBLISH answered " + reply);
      }
      return Long.parseLong(reply.substring(1));
    }
  }
}
