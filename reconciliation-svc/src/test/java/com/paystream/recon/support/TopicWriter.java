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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
    send(topic, key, value, new RecordHeaders());
  }

  /** Sends with headers, as a service's outbox publisher does ({@code traceparent}, …). */
  public <V extends SpecificRecord> void send(
      Topic<V> topic, String key, V value, Headers headers) {
    byte[] bytes =
        topic
            .valueSerde(PinnedSchemaRegistry.bundled())
            .serializer()
            .serialize(topic.name(), value);
    send(new ProducerRecord<>(topic.name(), null, key, bytes, headers));
  }

  public void sendRaw(String topic, String key, byte[] value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  private void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get();
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
