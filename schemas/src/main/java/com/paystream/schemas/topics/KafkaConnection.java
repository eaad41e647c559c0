package com.paystream.schemas.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a client reaches the cluster: the bootstrap servers and the security settings ({@code
 * security.protocol}, {@code ssl.*}, {@code sasl.*}), taken from a service's configured client
 * properties (Spring Boot's {@code KafkaProperties.buildAdminProperties()}), so that every client a
 * service builds by hand — producers, admin clients, Kafka Streams — connects the same way as those
 * Spring builds, TLS and client certificates included. Nothing else of those properties is kept:
 * each client sets its own guarantees.
 */
public final class KafkaConnection {

  private final Map<String, Object> settings;

  private KafkaConnection(Map<String, Object> settings) {
    this.settings = Map.copyOf(settings);
  }

  /** The connection part of {@code clientProperties}; they must name the bootstrap servers. */
  public static KafkaConnection of(Map<String, ?> clientProperties) {
    Map<String, Object> kept = new HashMap<>();
    clientProperties.forEach(
        (key, value) -> {
          if (value != null && isConnection(key)) {
            kept.put(key, value instanceof Iterable<?> list ? join(list) : value);
          }
        });
    Objects.requireNonNull(kept.get("bootstrap.servers"), "bootstrap.servers");
    return new KafkaConnection(kept);
  }

  /** Plaintext to {@code bootstrapServers}: tests, benchmarks and the local stack. */
  public static KafkaConnection plaintext(String bootstrapServers) {
    return new KafkaConnection(Map.of("bootstrap.servers", bootstrapServers));
  }

  public String bootstrapServers() {
    return settings.get("bootstrap.servers").toString();
  }

  /** A new map: these settings, then {@code more} on top. */
  public Map<String, Object> with(Map<String, ?> more) {
    Map<String, Object> all = new HashMap<>(settings);
    all.putAll(more);
    return all;
  }

  private static boolean isConnection(String key) {
    return key.equals("bootstrap.servers")
        || key.equals("client.dns.lookup")
        || key.equals("security.protocol")
        || key.startsWith("ssl.")
        || key.startsWith("sasl.");
  }

  private static String join(Iterable<?> values) {
    StringBuilder joined = new StringBuilder();
    for (Object value : values) {
      if (!joined.isEmpty()) {
        joined.append(',');
      }
      joined.append(value);
    }
    return joined.toString();
  }

  /** Names the servers and the protocol only: the other settings may hold passwords. */
  @Override
  public String toString() {
    return "KafkaConnection["
        + bootstrapServers()
        + ", "
        + settings.getOrDefault("security.protocol", "PLAINTEXT")
        + "]";
  }
}
