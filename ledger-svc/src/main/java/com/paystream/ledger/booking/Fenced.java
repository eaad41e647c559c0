package com.paystream.ledger.booking;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A Kafka-sourced batch refused because this instance no longer owns one of its partitions: another
 * instance took it (a higher epoch) since this one did, or this one never took it. Nothing of the
 * batch was written. Expected after a freeze past the session timeout; the caller re-polls, which
 * lets the consumer learn about the rebalance, and carries on with what it owns then.
 */
public final class Fenced extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A partition of the batch whose epoch is not this instance's; 0 means none. */
  public record Partition(String topic, int partition, long ownEpoch, long currentEpoch) {}

  private final transient List<Partition> partitions;

  public Fenced(List<Partition> partitions) {
    super(describe(partitions), null, false, false);
    this.partitions = List.copyOf(partitions);
  }

  public List<Partition> partitions() {
    return partitions;
  }

  private static String describe(List<Partition> partitions) {
    return partitions.stream()
        .map(
            p ->
                "%s/%d (own epoch %d, current %d)"
                    .formatted(p.topic(), p.partition(), p.ownEpoch(), p.currentEpoch()))
        .collect(Collectors.joining(", ", "fenced: ", ""));
  }
}
