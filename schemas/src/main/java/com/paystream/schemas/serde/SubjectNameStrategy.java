package com.paystream.schemas.serde;

import java.util.Objects;

/**
 * Which registry subject a topic's keys or values belong to. The suite uses Confluent's {@code
 * TopicNameStrategy} ({@code <topic>-value}); tests that put a unique prefix before the catalogue
 * names strip it again, so that the pinned subjects (and ids) still apply.
 */
@FunctionalInterface
public interface SubjectNameStrategy {

  String subjectFor(String topic, boolean isKey);

  /** Confluent's default: {@code <topic>-key} or {@code <topic>-value}. */
  static SubjectNameStrategy topicName() {
    return topicName("");
  }

  /**
   * {@code TopicNameStrategy} on the topic name without {@code topicPrefix}: with prefix {@code
   * t42.}, topic {@code t42.payments.callbacks.v1} maps to {@code payments.callbacks.v1-value}.
   */
  static SubjectNameStrategy topicName(String topicPrefix) {
    Objects.requireNonNull(topicPrefix, "topicPrefix");
    return (topic, isKey) -> {
      String name =
          !topicPrefix.isEmpty() && topic.startsWith(topicPrefix)
              ? topic.substring(topicPrefix.length())
              : topic;
      return name + (isKey ? "-key" : "-value");
    };
  }

  /** Always {@code subject}, whatever the topic is called. */
  static SubjectNameStrategy fixed(String subject) {
    Objects.requireNonNull(subject, "subject");
    return (topic, isKey) -> subject;
  }
}
