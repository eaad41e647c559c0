package com.paystream.testkit.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka producer's settings that decide whether an acknowledged record survives a broker crash,
 * as the client resolves them from a configuration (defaults and the idempotence rules included),
 * for a benchmark to print next to its figures.
 */
public record ProducerDurability(String acks, boolean idempotence) {

  public static ProducerDurability of(Map<String, ?> producerConfig) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    ProducerConfig resolved = new ProducerConfig(config);
    // The client resolves "all" to its wire value -1; people read and configure "all".
    String acks = resolved.getString(ProducerConfig.ACKS_CONFIG);
    return new ProducerDurability(
        "-1".equals(acks) ? "all" : acks,
        resolved.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
  }

  /** {@code acks=all enable.idempotence=true}. */
  @Override
  public String toString() {
    return "acks=%s enable.idempotence=%s".formatted(acks, idempotence);
  }
}
