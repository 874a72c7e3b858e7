package io.catscores.api.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the api learns that committed data changed ({@link ChangeListener} feeds it). Subscribers
 * are called in order, on the listener's thread, before the next change: the response cache evicts
 * before the live leaderboards re-read, so they never re-read an answer the cache still holds.
 */
@Component
public class Changes {

  private static final Logger log = LoggerFactory.getLogger(Changes.class);

  private final List<Consumer<Change>> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean heard;

  /**
   * How many changes were published: it moves before any subscriber hears of the change, so a value
   * read before a read of the data and unchanged after it proves no change came between.
   */
  public long sequence() {
    return sequence.get();
  }

  /**
   * Whether changes are being heard now (a listening connection is up): if not, a change may go
   * unnoticed and cached answers must not live long.
   */
  public boolean heard() {
    return heard;
  }

  void heard(boolean heard) {
    this.heard = heard;
  }

  /** {@code subscriber} gets every change from now on; it must be quick and must not block. */
  public void subscribe(Consumer<Change> subscriber) {
    subscribers.add(subscriber);
  }

  /** Tells every subscriber; one that fails does not keep the others from hearing it. */
  public void publish(Change change) {
    sequence.incrementAndGet();
    for (Consumer<Change> subscriber : subscribers) {
      try {
        subscriber.accept(change);
      } catch (RuntimeException e) {
        log.error("A change subscriber failed on {}", change, e);
      }
    }
  }
}
