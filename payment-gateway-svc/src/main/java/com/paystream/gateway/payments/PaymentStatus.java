package com.paystream.gateway.payments;

/**
 * The lifecycle of a payment as the gateway tracks it. The rank orders statuses along the happy
 * path so that a report which would move a payment backwards can be recognised as late.
 */
public enum PaymentStatus {
  CREATED(0),
  PENDING(1),
  SUCCEEDED(2),
  FAILED(2),
  CANCELLED(2),
  REFUNDED(3);

  private final int rank;

  PaymentStatus(int rank) {
    this.rank = rank;
  }

  /** True when the provider says money moved with this status, so its amount must be ours. */
  public boolean movesMoney() {
    return this == SUCCEEDED || this == REFUNDED;
  }

  public boolean isFinal() {
    return this == FAILED || this == CANCELLED || this == REFUNDED;
  }

  boolean isBehind(PaymentStatus other) {
    return rank < other.rank;
  }
}
