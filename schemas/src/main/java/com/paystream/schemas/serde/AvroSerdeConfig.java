package com.paystream.schemas.serde;

import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.registry.rest.ConfluentRestSchemaRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys the serde reads from a Kafka client's config map, and how they pick the registry.
 *
 * <ul>
 *   <li>{@value #REGISTRY_URL} — base URL of a Confluent-compatible registry; when absent or blank
 *       the pinned registry bundled in this module is used.
 *   <li>{@value #REGISTRY_TIMEOUT_MS} — connect and request timeout for that registry (default
 *       10000).
 *   <li>{@value #TOPIC_PREFIX} — a prefix on the topic names (tests) that is ignored when deriving
 *       the subject.
 * </ul>
 */
public final class AvroSerdeConfig {

  public static final String REGISTRY_URL = "paystream.schema.registry.url";
  public static final String REGISTRY_TIMEOUT_MS = "paystream.schema.registry.timeout.ms";
  public static final String TOPIC_PREFIX = "paystream.topic.prefix";

  private AvroSerdeConfig() {}

  /** The Confluent REST registry when {@value #REGISTRY_URL} is set, else the pinned one. */
  public static SchemaRegistry registry(Map<String, ?> configs) {
    String url = string(configs, REGISTRY_URL);
    if (url.isBlank()) {
      return PinnedSchemaRegistry.bundled();
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(REGISTRY_URL, url, "not a valid URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new ConfigException(REGISTRY_URL, url, "must be an http or https URL");
    }
    return new ConfluentRestSchemaRegistry(uri, timeout(configs));
  }

  /** {@code TopicNameStrategy}, ignoring {@value #TOPIC_PREFIX} when set. */
  public static SubjectNameStrategy subjectNames(Map<String, ?> configs) {
    return SubjectNameStrategy.topicName(string(configs, TOPIC_PREFIX));
  }

  private static Duration timeout(Map<String, ?> configs) {
    String value = string(configs, REGISTRY_TIMEOUT_MS);
    if (value.isBlank()) {
      return ConfluentRestSchemaRegistry.DEFAULT_TIMEOUT;
    }
    try {
      long millis = Long.parseLong(value.trim());
      if (millis <= 0) {
        throw new ConfigException(REGISTRY_TIMEOUT_MS, value, "must be positive");
      }
      return Duration.ofMillis(millis);
    } catch (NumberFormatException e) {
      throw new ConfigException(REGISTRY_TIMEOUT_MS, value, "must be a number of milliseconds");
    }
  }

  private static String string(Map<String, ?> configs, String key) {
    Object value = configs == null ? null : configs.get(key);
    return value == null ? "" : value.toString();
  }
}
