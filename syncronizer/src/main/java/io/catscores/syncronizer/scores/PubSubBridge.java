package io.catscores.syncronizer.scores;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the badge API working unchanged: every message published on the Pub/Sub channel is appended
 * to the score stream at once. Pub/Sub keeps nothing for absent subscribers, so messages published
 * while no bridge is subscribed are lost; producers that write the stream directly (README, "Score
 * queue") do not have that gap.
 *
 * <p>With several instances each bridge receives every message; a short-lived marker per message
 * digest makes the append happen once.
 */
@Component
@ConditionalOnProperty(name = "scores.bridge-enabled", havingValue = "true", matchIfMissing = true)
class PubSubBridge extends RedisPubSubAdapter<String, String> implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PubSubBridge.class);

  // Append unless an identical message was appended within the window (by this or another bridge).
  private static final String APPEND_ONCE =
      """
      if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then
        return redis.call('XADD', KEYS[2], '*', 'payload', ARGV[1])
      end
      return false
      """;

  private final RedisClient client;
  private final ScoreQueueProperties queue;
  private final DrainMetrics metrics;
  private StatefulRedisPubSubConnection<String, String> subscription;
  private StatefulRedisConnection<String, String> writer;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "pubsub-bridge");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean running;

  PubSubBridge(RedisClient client, ScoreQueueProperties queue, DrainMetrics metrics) {
    this.client = client;
    this.queue = queue;
    this.metrics = metrics;
  }

  @Override
  public void message(String channel, String payload) {
    String marker = "bridge:seen:" + queue.stream() + ":" + digest(payload);
    writer
        .async()
        .<String>eval(
            APPEND_ONCE,
            ScriptOutputType.VALUE,
            new String[] {marker, queue.stream()},
            payload,
            String.valueOf(queue.bridgeDedupeWindow().toMillis()))
        .whenComplete(
            (id, error) -> {
              if (error != null) {
                metrics.bridged("failed");
                log.error(
                    "Pub/Sub bridge could not append a message to {}: {}",
                    queue.stream(),
                    error.toString());
              } else {
                metrics.bridged(id == null ? "deduplicated" : "appended");
              }
            });
  }

  @Override
  public void start() {
    running = true;
    retries.execute(this::subscribe);
  }

  /** Lettuce resubscribes after reconnects by itself; only the first connection needs retrying. */
  private void subscribe() {
    if (!running) {
      return;
    }
    try {
      writer = client.connect();
      subscription = client.connectPubSub();
      subscription.addListener(this);
      subscription.sync().subscribe(queue.pubsubChannel());
      log.info("Bridging Pub/Sub channel {} into stream {}", queue.pubsubChannel(), queue.stream());
    } catch (RuntimeException e) {
      log.error(
          "Pub/Sub bridge could not subscribe to {} (retrying in 5 s): {}",
          queue.pubsubChannel(),
          e.toString());
      closeConnections();
      retries.schedule(this::subscribe, 5, TimeUnit.SECONDS);
    }
  }

  @Override
  public void stop() {
    running = false;
    retries.shutdownNow();
    closeConnections();
  }

  private void closeConnections() {
    if (subscription != null) {
      subscription.close();
    }
    if (writer != null) {
      writer.close();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static String digest(String payload) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
