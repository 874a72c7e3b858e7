package io.catscores.api.scores;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Server-sent event frames, encoded once and shared by every stream that sends them (each top N of
 * each version of a game), not built and encoded once per stream: with 2,000 streams that was most
 * of the api's work (bench/stream.sh, doc/benchmarks.md). The bytes are wrapped, never copied.
 */
final class EventFrames {

  private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

  private record Key(int game, long version, int entries) {}

  private final ObjectMapper json;
  private final Cache<Key, byte[]> encoded = Caffeine.newBuilder().maximumSize(4_096).build();

  EventFrames(ObjectMapper json) {
    this.json = json;
  }

  /** {@code id: <game>.<version>}, {@code event: leaderboard}, {@code data: <the top as JSON>}. */
  DataBuffer leaderboard(ScoreViews.Top top) {
    Key key = new Key(top.game().id(), top.version(), top.entries().size());
    return wrap(
        encoded.get(
            key,
            k ->
                ("id:"
                        + k.game()
                        + "."
                        + k.version()
                        + "\nevent:leaderboard\ndata:"
                        + json.writeValueAsString(top)
                        + "\n\n")
                    .getBytes(StandardCharsets.UTF_8)));
  }

  /** A comment line: keeps proxies from closing a quiet stream. */
  DataBuffer heartbeat() {
    return wrap(HEARTBEAT);
  }

  private static DataBuffer wrap(byte[] bytes) {
    return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
  }
}
