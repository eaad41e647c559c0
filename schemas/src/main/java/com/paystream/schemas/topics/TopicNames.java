package com.paystream.schemas.topics;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue's topics as one deployment names them: every name behind the same prefix, taken
 * from {@code paystream.topics.prefix} in every service. Production leaves the prefix empty; tests
 * give each class its own, so that they share one broker without seeing each other's records. The
 * subjects stay the catalogue's, so the pinned schema ids apply under any prefix.
 *
 * @param prefix put before every topic name; empty for the catalogue's own names
 */
public record TopicNames(String prefix) {

  /** The property every service reads its prefix from. */
  public static final String PREFIX_PROPERTY = "paystream.topics.prefix";

  public TopicNames {
    prefix = prefix == null ? "" : prefix;
  }

  /** The catalogue's own names. */
  public static TopicNames unprefixed() {
    return new TopicNames("");
  }

  /** {@code topic} under this prefix. */
  public <V extends org.apache.avro.specific.SpecificRecord> Topic<V> of(Topic<V> topic) {
    Objects.requireNonNull(topic, "topic");
    return prefix.isEmpty() ? topic : topic.withPrefix(prefix);
  }

  /** The name of {@code topic} under this prefix. */
  public String name(Topic<?> topic) {
    return of(topic).name();
  }

  /** {@code topics} under this prefix, in their order. */
  public List<Topic<?>> all(Collection<? extends Topic<?>> topics) {
    return topics.stream().<Topic<?>>map(topic -> of(topic)).toList();
  }

  /** The whole catalogue under this prefix. */
  public List<Topic<?>> all() {
    return all(Topics.all());
  }
}
