package com.paystream.platform.outbox;

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
 */
public final class ReliableProducer {

  private ReliableProducer() {}

  public static Map<String, Object> settings(String bootstrapServers, String clientId) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers,
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
    return new KafkaProducer<>(
        settings(bootstrapServers, clientId), new StringSerializer(), new ByteArraySerializer());
  }
}
