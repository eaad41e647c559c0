package com.paystream.schemas.serde;

import java.util.Objects;
import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that can never be decoded, whatever the retries: route it to the dead-letter topic with
 * {@link #reason()} as the reason code. Registry outages are <em>not</em> reported this way (they
 * surface as {@link com.paystream.schemas.registry.SchemaRegistryUnavailableException}), so a
 * consumer that dead-letters exactly this type never dead-letters a good record during an outage.
 */
public class UndecodableRecordException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Why the bytes cannot be decoded; the name is meant as the dead letter's reason code. */
  public enum Reason {
    /** Zero bytes (a tombstone is {@code null}, not empty). */
    EMPTY,
    /** Not magic byte 0 followed by a 4-byte schema id: another format, or no framing at all. */
    NOT_CONFLUENT_FRAMING,
    /** The registry does not know the schema id in the header. */
    UNKNOWN_SCHEMA_ID,
    /** The writer schema is known but cannot be read into the expected class. */
    INCOMPATIBLE_SCHEMA,
    /** The Avro body does not match its writer schema: truncated, corrupt or with extra bytes. */
    CORRUPT_AVRO
  }

  private final String topic;
  private final Reason reason;
  private final Integer schemaId;

  public UndecodableRecordException(
      String topic, Reason reason, Integer schemaId, String detail, Throwable cause) {
    super(message(topic, reason, detail), cause);
    this.topic = topic;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.schemaId = schemaId;
  }

  /** The topic the record came from. */
  public String topic() {
    return topic;
  }

  public Reason reason() {
    return reason;
  }

  /** The schema id from the header, when the framing was readable. */
  public OptionalInt schemaId() {
    return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
  }

  private static String message(String topic, Reason reason, String detail) {
    return "Undecodable record from topic '" + topic + "': " + reason + " (" + detail + ")";
  }
}
