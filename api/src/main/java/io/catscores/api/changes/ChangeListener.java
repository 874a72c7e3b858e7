package io.catscores.api.changes;

import io.catscores.common.Redact;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One connection of its own (outside the pool) that LISTENs to {@code catscores_changes} and
 * publishes each notification to {@link Changes}. Lost, it reconnects with backoff; every
 * (re)connection publishes {@link Change#EVERYTHING} once LISTEN is in place, since whatever
 * changed in the gap was never heard (ChangeListenerIT). Every api replica listens on its own.
 */
@Component
class ChangeListener implements SmartLifecycle {

  static final String CHANNEL = "catscores_changes";

  /** LISTEN took effect: everything may have changed in the gap, and changes are heard again. */
  private static final Change CONNECTED = new Change(null, Set.of());

  private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

  private final ConnectionFactory connections;
  private final ChangeProperties properties;
  private final Changes changes;
  private final Counter received;
  private final AtomicInteger connected = new AtomicInteger();
  private volatile Disposable listening;

  ChangeListener(
      ConnectionFactory pool, ChangeProperties properties, Changes changes, MeterRegistry meters) {
    this.connections = unpooled(pool);
    this.properties = properties;
    this.changes = changes;
    this.received =
        Counter.builder("api.change.notifications")
            .description("Data change notifications heard from PostgreSQL")
            .register(meters);
    meters.gauge("api.change.listener.connected", connected);
  }

  /** The pool's own factory: a LISTEN session must not be a pooled connection others reuse. */
  private static ConnectionFactory unpooled(ConnectionFactory factory) {
    while (factory instanceof Wrapped<?> wrapped
        && wrapped.unwrap() instanceof ConnectionFactory inner) {
      factory = inner;
    }
    return factory;
  }

  @Override
  public void start() {
    if (!properties.listen()) {
      log.info("Not listening for data changes (api.changes.listen=false): answers live by TTL");
      return;
    }
    listening =
        Flux.defer(this::session)
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, properties.minBackoff())
                    .maxBackoff(properties.maxBackoff())
                    .doBeforeRetry(
                        failure ->
                            log.warn(
                                "Lost the data change connection ({}); reconnecting",
                                Redact.credentials(
                                    String.valueOf(failure.failure().getMessage())))))
            .subscribe(this::publish);
  }

  /**
   * One listening session: notifications are subscribed to before LISTEN is sent, and EVERYTHING is
   * published only once LISTEN took effect, so no change can fall between the two.
   */
  private Flux<Change> session() {
    return Flux.usingWhen(
        Mono.from(connections.create()).cast(PostgresqlConnection.class),
        connection ->
            Flux.merge(
                connection
                    .getNotifications()
                    .map(notification -> Change.parse(notification.getParameter()))
                    .concatWith(Mono.error(new IllegalStateException("connection closed"))),
                connection
                    .createStatement("LISTEN " + CHANNEL)
                    .execute()
                    .flatMap(result -> result.getRowsUpdated())
                    .then(Mono.just(CONNECTED)),
                keepAlive(connection)),
        connection -> Mono.from(connection.close()).doFinally(s -> disconnected()));
  }

  private void disconnected() {
    connected.set(0);
    changes.heard(false);
  }

  private void connected() {
    connected.set(1);
    changes.heard(true);
    log.info("Listening for data changes on {}", CHANNEL);
  }

  /** A query now and then: a dead peer fails it, where waiting for notifications would not. */
  private Flux<Change> keepAlive(PostgresqlConnection connection) {
    Duration every = properties.keepAlive();
    return Flux.interval(every, every)
        .concatMap(
            tick ->
                connection
                    .createStatement("SELECT 1")
                    .execute()
                    .flatMap(result -> result.map((row, meta) -> 1))
                    .then()
                    .timeout(every))
        .thenMany(Flux.empty());
  }

  private void publish(Change change) {
    received.increment();
    changes.publish(change);
    if (change == CONNECTED) { // only now: what was cached before this eviction lived short
      connected();
    }
  }

  @Override
  public void stop() {
    Disposable running = listening;
    if (running != null) {
      running.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    Disposable running = listening;
    return running != null && !running.isDisposed();
  }
}
