package com.paystream.ledger.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Puts each partition a settlement listener is assigned after the highest offset its own table
 * recorded, not at the group's committed offset: after the ledger's database is restored to an
 * earlier instant, the committed offset is ahead of what the database holds, and starting there
 * would never book the settlements applied after the restore point. A partition of which nothing is
 * recorded starts at its beginning, and so does every partition when the database cannot be read:
 * slow, never lossy, since what is read again is a duplicate the listener recognises.
 *
 * <p>The payments' {@code ResumeFromDatabase} does the same for the booking pipeline, from {@code
 * processed_event}; the two settlement groups read one topic, so each needs positions of its own
 * records: the provider settlements' rows in {@code processed_event} (only that group writes rows
 * of this topic there), the merchant payouts' in {@code merchant_payout_settlement}.
 */
final class ResumeFromRecorded implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(ResumeFromRecorded.class);

  private final String group;
  private final BiFunction<String, Collection<Integer>, Map<Integer, Long>> recorded;

  /**
   * @param group what the positions are of, for the log
   * @param recorded per topic and partitions, the next offset to read of those with a record
   */
  ResumeFromRecorded(
      String group, BiFunction<String, Collection<Integer>, Map<Integer, Long>> recorded) {
    this.group = group;
    this.recorded = recorded;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    Map<String, List<Integer>> byTopic = new TreeMap<>();
    partitions.forEach(
        tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition()));
    Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
    byTopic.forEach(
        (topic, numbers) -> {
          Map<Integer, Long> next = positions(topic, numbers);
          for (int partition : numbers) {
            TopicPartition tp = new TopicPartition(topic, partition);
            Long offset = next.get(partition);
            if (offset == null) {
              consumer.seekToBeginning(List.of(tp));
            } else {
              consumer.seek(tp, offset);
            }
            positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
          }
          log.atInfo()
              .addKeyValue("group", group)
              .addKeyValue("topic", topic)
              .addKeyValue("recordedNext", next.toString())
              .log("resuming settlements from the positions recorded in the ledger's database");
        });
    commit(consumer, positions);
  }

  /** The positions are committed, so the group's lag shows what is read again. */
  private void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> positions) {
    try {
      consumer.commitSync(positions);
    } catch (KafkaException e) {
      log.atWarn()
          .addKeyValue("group", group)
          .setCause(e)
          .log("committing the positions read from the database failed; lag may be off");
    }
  }

  private Map<Integer, Long> positions(String topic, List<Integer> partitions) {
    try {
      return recorded.apply(topic, partitions);
    } catch (RuntimeException e) {
      log.atError()
          .addKeyValue("group", group)
          .addKeyValue("topic", topic)
          .setCause(e)
          .log("cannot read the recorded positions; reading the partitions from their beginning");
      return Map.of();
    }
  }
}
