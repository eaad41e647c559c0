package com.paystream.testkit.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends records and, once all were handed over, sends again those whose send failed (a broker that
 * stalled, a producer replaced after a sequence error), round after round: a record lost would
 * otherwise leave a loop waiting for it forever, or a rate computed over fewer records than it
 * claims. Gives up loudly after {@value #ROUNDS} rounds. The benchmarks' input producers use it
 * with a {@code RecoveringProducer}, which replaces a client that can no longer deliver.
 */
public final class Resends<K, V> {
  private static final int ROUNDS = 10;
  private final BiConsumer<String, Object[]> log;
  private final Queue<ProducerRecord<K, V>> failed = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Exception> last = new AtomicReference<>();

  /**
   * @param log where a round of sends again is reported ({@code String.format} arguments)
   */
  public Resends(BiConsumer<String, Object[]> log) {
    this.log = log;
  }

  public void send(Producer<K, V> producer, ProducerRecord<K, V> record) {
    try {
      producer.send(
          record,
          (metadata, exception) -> {
            if (exception != null) {
              last.set(exception);
              failed.add(record);
            }
          });
    } catch (KafkaException e) {
      last.set(e);
      failed.add(record);
    }
  }

  public void complete(Producer<K, V> producer, String what) {
    for (int round = 1; ; round++) {
      producer.flush();
      if (failed.isEmpty()) {
        return;
      }
      if (round == ROUNDS) {
        throw new IllegalStateException(
            failed.size() + " sends of " + what + " still failing", last.get());
      }
      log.accept(
          "%,d sends of %s failed (%s); sending them again",
          new Object[] {failed.size(), what, last.get()});
      List<ProducerRecord<K, V>> again = new ArrayList<>(failed);
      failed.clear();
      again.forEach(record -> send(producer, record));
    }
  }
}
