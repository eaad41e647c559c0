package com.paystream.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A steady stream of records through a producer, sent as the outbox publishers send: a record whose
 * send failed is sent again, so every key is delivered at least once unless the producer never
 * recovers. Keys are {@code <prefix>-0}, {@code <prefix>-1}, … in the order they were first sent.
 * One thread sends; while the producer blocks in {@code send} (no metadata while the broker is
 * away), the stream waits with it, as a publisher would.
 */
final class SendStream implements AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final String prefix;
  private final ScheduledExecutorService ticks;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Queue<String> failed = new ConcurrentLinkedQueue<>();
  // How many keys had been sent when each failure was reported, in the order reported.
  private final Queue<Integer> failuresAt = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sent = new AtomicInteger();
  private volatile boolean newRecords = true;

  private SendStream(Producer<String, byte[]> producer, String topic, String prefix) {
    this.producer = producer;
    this.topic = topic;
    this.prefix = prefix;
    this.ticks = Executors.newSingleThreadScheduledExecutor();
  }

  /** Every {@code interval}: sends the next new record and again those that failed since. */
  static SendStream start(
      Producer<String, byte[]> producer, String topic, String prefix, Duration interval) {
    SendStream stream = new SendStream(producer, topic, prefix);
    stream.ticks.scheduleAtFixedRate(stream::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return stream;
  }

  private void tick() {
    // Only those that failed before this tick: one failing again waits for the next.
    for (int again = failed.size(); again > 0; again--) {
      send(failed.remove());
    }
    if (newRecords) {
      send(prefix + "-" + sent.getAndIncrement());
    }
  }

  private void send(String key) {
    try {
      producer.send(
          new ProducerRecord<>(topic, key, new byte[16]),
          (metadata, exception) -> {
            if (exception == null) {
              acknowledged.add(key);
            } else {
              fail(key);
            }
          });
    } catch (RuntimeException e) {
      fail(key);
    }
  }

  private void fail(String key) {
    failuresAt.add(sent.get());
    failed.add(key);
  }

  /** Keys sent so far (new ones, not counting sends again). */
  int sent() {
    return sent.get();
  }

  /** Sends no new records from now on; those that failed are still sent again. */
  void stopNewRecords() {
    newRecords = false;
  }

  /** Keys the broker acknowledged so far. */
  int acknowledged() {
    return acknowledged.size();
  }

  boolean allAcknowledged() {
    return acknowledged.size() == sent.get();
  }

  /** The keys sent so far that the broker has not acknowledged yet, in the order first sent. */
  List<String> unacknowledged() {
    return IntStream.range(0, sent.get())
        .mapToObj(i -> prefix + "-" + i)
        .filter(key -> !acknowledged.contains(key))
        .toList();
  }

  /** How many sends failed after the first {@code keys} keys had been sent. */
  long failuresAfter(int keys) {
    return failuresAt.stream().filter(at -> at > keys).count();
  }

  long failures() {
    return failuresAt.size();
  }

  /** The keys sent so far. */
  Set<String> keys() {
    return IntStream.range(0, sent.get())
        .mapToObj(i -> prefix + "-" + i)
        .collect(Collectors.toSet());
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}
