package com.paystream.recon.support;

import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.topics.Topic;
import com.paystream.testkit.SharedInfrastructure;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to the shared broker as another service would (acks=all, idempotent). */
public final class TopicWriter implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              SharedInfrastructure.kafka().bootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all",
              ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
              true),
          new StringSerializer(),
          new ByteArraySerializer());

  public <V extends SpecificRecord> void send(Topic<V> topic, String key, V value) {
    byte[] bytes =
        topic
            .valueSerde(PinnedSchemaRegistry.bundled())
            .serializer()
            .serialize(topic.name(), value);
    sendRaw(topic.name(), key, bytes);
  }

  public void sendRaw(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
