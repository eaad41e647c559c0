package com.paystream.ledger.payouts;

import java.util.Objects;

/**
 * What the bank said about a merchant payout, as reconciliation matched it: the transfer left our
 * account ({@link Kind#CONFIRMED}, {@code bankAmountMinor} negative) or came back ({@link
 * Kind#RETURNED}, positive). {@code source} is the record it came in.
 */
public record SettlementNotice(
    Kind kind, String payoutId, String currency, long bankAmountMinor, Source source) {

  /** The two kinds this feature books. */
  public enum Kind {
    CONFIRMED("MERCHANT_PAYOUT_CONFIRMED"),
    RETURNED("MERCHANT_PAYOUT_RETURNED");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** The name on the topic and in {@code merchant_payout_settlement.kind}. */
    public String wireName() {
      return wireName;
    }
  }

  public SettlementNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payoutId, "payoutId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(source, "source");
  }

  /** The idempotency key: kind and settlement id, as the contract says. */
  public String key() {
    return kind.wireName() + ":" + payoutId;
  }

  /** Where a record was read: its dedupe key ({@link SettlementNotice#key()}) and position. */
  public record Source(String key, String topic, int partition, long offset) {}
}
