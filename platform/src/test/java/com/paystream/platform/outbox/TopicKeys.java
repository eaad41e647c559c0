package com.paystream.platform.outbox;

import com.paystream.testkit.SharedInfrastructure;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Creating a topic and reading back the keys that arrived on it. */
final class TopicKeys {

  private TopicKeys() {}

  static void create(String bootstrapServers, String topic, int partitions)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /**
   * The keys on {@code topic}, read from the beginning until they include {@code expected} or
   * {@code atMost} passed, whichever comes first.
   */
  static Set<String> readUntil(
      String bootstrapServers, String topic, Set<String> expected, Duration atMost) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            SharedInfrastructure.uniqueName("reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    Set<String> keys = new HashSet<>();
    long deadlineNanos = System.nanoTime() + atMost.toNanos();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (!keys.containsAll(expected) && System.nanoTime() < deadlineNanos) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }
}
