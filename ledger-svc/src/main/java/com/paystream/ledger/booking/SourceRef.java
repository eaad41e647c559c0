package com.paystream.ledger.booking;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Where a consumed record came from, and its raw bytes for a dead letter. */
public record SourceRef(String topic, int partition, long offset, byte[] key, byte[] value) {

  public SourceRef {
    Objects.requireNonNull(topic, "topic");
  }

  /**
   * An id for a record that carries none we could read: the same record, consumed again after a
   * crash, gets the same id and is not dead-lettered twice.
   */
  public UUID positionId() {
    return UUID.nameUUIDFromBytes(
        ("paystream-ledger/record/" + topic + "/" + partition + "/" + offset)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The record key as text, or null when it had none. */
  public String keyText() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return topic + "/" + partition + "@" + offset;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceRef ref
        && ref.topic.equals(topic)
        && ref.partition == partition
        && ref.offset == offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset);
  }
}
