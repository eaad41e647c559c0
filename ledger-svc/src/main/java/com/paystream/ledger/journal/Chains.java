package com.paystream.ledger.journal;

/**
 * The journal's hash chains: one per consumed topic partition, so that ledger instances owning
 * different partitions never serialize on a chain, and one for the entries booked over HTTP (hold
 * captures), whose writers serialize on that chain's head row.
 */
public final class Chains {

  /** The chain of entries booked over HTTP. */
  public static final String HTTP = "http";

  private Chains() {}

  /** The chain of entries booked from records of {@code topic}'s {@code partition}. */
  public static String ofPartition(String topic, int partition) {
    return topic + "/" + partition;
  }
}
