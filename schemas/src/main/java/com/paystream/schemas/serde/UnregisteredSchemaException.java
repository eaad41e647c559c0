package com.paystream.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema of a record to send is not registered under the topic's subject. The suite never
 * auto-registers: freeze a new version in the {@code schemas} module (or register it in the real
 * registry) before producing with it.
 */
public class UnregisteredSchemaException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final String subject;

  public UnregisteredSchemaException(String topic, String subject, String detail, Throwable cause) {
    super(
        "Cannot serialize for topic '"
            + topic
            + "': "
            + detail
            + ". Schemas are never auto-registered; freeze a new version (schemas/README.md) or"
            + " register it in the schema registry.",
        cause);
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }
}
