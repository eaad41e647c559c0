package com.paystream.relay.support;

import static org.awaitility.Awaitility.await;

import com.paystream.platform.outbox.OutboxHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning, in partition order, until a condition on everything read
 * so far holds or the deadline passes (then the test fails). Records of one key share a partition,
 * so the order per key is the order the broker appended them.
 */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  public TopicReader(String bootstrapServers, String topic) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  public List<ConsumerRecord<String, byte[]>> readUntil(
      Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(records::add);
              return done.test(records);
            });
    return List.copyOf(records);
  }

  /** Reads until every one of {@code messageIds} was seen at least once. */
  public List<ConsumerRecord<String, byte[]>> readUntilAllSeen(
      Set<UUID> messageIds, Duration atMost) {
    Set<UUID> seen = new HashSet<>();
    int[] scanned = {0};
    return readUntil(
        all -> {
          for (; scanned[0] < all.size(); scanned[0]++) {
            seen.add(messageId(all.get(scanned[0])));
          }
          return seen.containsAll(messageIds);
        },
        atMost);
  }

  public static UUID messageId(ConsumerRecord<String, byte[]> record) {
    return UUID.fromString(header(record, OutboxHeaders.MESSAGE_ID));
  }

  public static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Message ids per key in the order the topic holds them, keeping only the first occurrence of
   * each (a re-sent batch may repeat messages; their first publication fixes the order).
   */
  public static Map<String, List<UUID>> firstOccurrencesByKey(
      List<ConsumerRecord<String, byte[]>> records) {
    Map<String, List<UUID>> byKey = new LinkedHashMap<>();
    Set<UUID> seen = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      UUID id = messageId(record);
      if (seen.add(id)) {
        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id);
      }
    }
    return byKey;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
