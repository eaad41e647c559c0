package com.paystream.platform.outbox;

import com.paystream.schemas.topics.KafkaConnection;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer settings every publisher of acknowledged money events uses, set explicitly rather
 * than trusted to defaults: all in-sync replicas acknowledge, idempotence keeps per-partition order
 * across internal retries, and delivery keeps retrying for two minutes before reporting failure.
 * The producers it creates replace themselves after an error they may never get past ({@link
 * RecoveringProducer}).
 */
public final class ReliableProducer {

  private ReliableProducer() {}

  public static Map<String, Object> settings(String bootstrapServers, String clientId) {
    return settings(KafkaConnection.plaintext(bootstrapServers), clientId);
  }

  /** The settings on top of {@code connection} (servers and security), which they never change. */
  public static Map<String, Object> settings(KafkaConnection connection, String clientId) {
    return connection.with(guarantees(clientId));
  }

  private static Map<String, Object> guarantees(String clientId) {
    return Map.of(
        ProducerConfig.CLIENT_ID_CONFIG,
        clientId,
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
        5,
        ProducerConfig.LINGER_MS_CONFIG,
        2,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        "lz4",
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        120_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        30_000);
  }

  public static Producer<String, byte[]> create(String bootstrapServers, String clientId) {
    return create(KafkaConnection.plaintext(bootstrapServers), clientId);
  }

  /**
   * A producer with these settings that closes and recreates its Kafka producer after a fatal or
   * sequence error (see {@link RecoveringProducer}); it is not transactional.
   */
  public static Producer<String, byte[]> create(KafkaConnection connection, String clientId) {
    Map<String, Object> settings = settings(connection, clientId);
    return new RecoveringProducer<>(
        clientId,
        () -> new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()));
  }
}
