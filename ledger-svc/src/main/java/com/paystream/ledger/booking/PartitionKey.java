package com.paystream.ledger.booking;

import java.util.Objects;

/** A consumed partition, as the ledger's ownership and fence know it (no Kafka type). */
public record PartitionKey(String topic, int partition) implements Comparable<PartitionKey> {

  public PartitionKey {
    Objects.requireNonNull(topic, "topic");
  }

  @Override
  public int compareTo(PartitionKey other) {
    int byTopic = topic.compareTo(other.topic);
    return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
  }

  @Override
  public String toString() {
    return topic + "/" + partition;
  }
}
