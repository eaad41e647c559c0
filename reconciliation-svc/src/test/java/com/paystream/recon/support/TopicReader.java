package com.paystream.recon.support;

import static org.awaitility.Awaitility.await;

import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.testkit.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the start (committed records only), decoding Avro values: for tests that
 * wait until what they expect has been published.
 */
public final class TopicReader<V extends SpecificRecord> implements AutoCloseable {

  /** A decoded record with its key. */
  public record Keyed<V>(String key, V value) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final AvroDeserializer<V> deserializer;
  private final List<Keyed<V>> seen = new ArrayList<>();

  public TopicReader(String topic, Class<V> type) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.deserializer = new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), type);
  }

  /** Everything read so far, after reading what is there now. */
  public List<Keyed<V>> poll() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      seen.add(new Keyed<>(r.key(), deserializer.deserialize(r.topic(), r.value())));
    }
    return List.copyOf(seen);
  }

  /** Polls until {@code done} holds for everything read, or fails after {@code atMost}. */
  public List<Keyed<V>> awaitUntil(Duration atMost, Predicate<List<Keyed<V>>> done) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> done.test(poll()));
    return List.copyOf(seen);
  }

  /** The values read so far. */
  public List<V> values() {
    return seen.stream().map(Keyed::value).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
