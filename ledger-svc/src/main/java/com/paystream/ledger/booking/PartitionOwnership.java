package com.paystream.ledger.booking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The epochs this instance took for its partitions, in memory. Written by the consumer threads in
 * their rebalance callbacks and read by the same threads when they book, so a batch always sees the
 * epochs of the assignment it was polled under; concurrent only because the two listeners share it.
 */
final class PartitionOwnership {

  /** What an instance claims when it books a partition: the epoch it took, in its group. */
  record Claim(String group, PartitionKey partition, long epoch) {}

  private final Map<PartitionKey, Claim> held = new ConcurrentHashMap<>();
  // The group of the last takeover, for claims of partitions not held (the log's current epoch).
  private volatile String lastGroup = "";

  void took(String group, Map<PartitionKey, Long> epochs) {
    lastGroup = group;
    epochs.forEach((partition, epoch) -> held.put(partition, new Claim(group, partition, epoch)));
  }

  void released(Collection<PartitionKey> partitions) {
    partitions.forEach(held::remove);
  }

  /**
   * The claims for the partitions of {@code records}, sorted (the order their rows are locked in).
   * A partition this instance does not hold is claimed at epoch 0, which no row has, in the group
   * it took partitions in last: the fence then refuses it like a stale one.
   */
  List<Claim> claims(List<InboundRecord> records) {
    Set<PartitionKey> partitions = new TreeSet<>();
    records.forEach(
        r -> partitions.add(new PartitionKey(r.source().topic(), r.source().partition())));
    String group = lastGroup;
    List<Claim> claims = new ArrayList<>(partitions.size());
    for (PartitionKey partition : partitions) {
      Claim claim = held.get(partition);
      claims.add(claim != null ? claim : new Claim(group, partition, 0));
    }
    return claims;
  }

  /** The epoch held for a partition, 0 if none: for tests and logs. */
  long epoch(PartitionKey partition) {
    Claim claim = held.get(partition);
    return claim == null ? 0 : claim.epoch();
  }
}
