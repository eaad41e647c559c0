package com.paystream.recon.matching;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A settlement the payout matcher found on the bank account, for the ledger to book exactly once
 * (the {@code recon.settlements.v1} contract's {@code Settlement}; its field docs say what each
 * amount means). For a provider payout {@code bankAmountMinor = net + toleratedMinor +
 * unexplainedMinor}, where {@code net = paymentsMinor - refundsMinor - feesMinor -
 * chargebacksMinor}.
 *
 * @param settlementId the payout's reference (provider payout id, or the merchant payout's mpo_ id)
 * @param provider the provider of a provider payout; null for merchant payouts
 * @param breakId the result or break about this payout (its PAYOUT_MATCHED, PAYOUT_SHORT, ...)
 */
public record SettlementOrder(
    String settlementId,
    Kind kind,
    String provider,
    String currency,
    LocalDate businessDate,
    LocalDate valueDate,
    long bankAmountMinor,
    long paymentsMinor,
    long refundsMinor,
    long feesMinor,
    long chargebacksMinor,
    long toleratedMinor,
    long unexplainedMinor,
    int lineCount,
    String statementId,
    String statementLineId,
    String breakId,
    String causationId,
    String traceId) {

  /** What was settled; the contract's {@code SettlementKind}. */
  public enum Kind {
    PROVIDER_PAYOUT,
    MERCHANT_PAYOUT_CONFIRMED,
    MERCHANT_PAYOUT_RETURNED
  }

  public SettlementOrder {
    Objects.requireNonNull(settlementId, "settlementId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(businessDate, "businessDate");
    Objects.requireNonNull(valueDate, "valueDate");
    if (kind == Kind.PROVIDER_PAYOUT) {
      long net =
          Math.subtractExact(
              Math.subtractExact(Math.subtractExact(paymentsMinor, refundsMinor), feesMinor),
              chargebacksMinor);
      if (Math.addExact(Math.addExact(net, toleratedMinor), unexplainedMinor) != bankAmountMinor) {
        throw new IllegalArgumentException(
            "settlement "
                + settlementId
                + " does not add up: net "
                + net
                + " + tolerated "
                + toleratedMinor
                + " + unexplained "
                + unexplainedMinor
                + " != bank "
                + bankAmountMinor);
      }
    }
    causationId = causationId == null ? "" : causationId;
    traceId = traceId == null ? "" : traceId;
  }

  /**
   * The same settlement always has the same event id (one per payout and kind), so a re-derived
   * record is recognised by the ledger as the one it booked.
   */
  public String eventId() {
    byte[] name = ("settlement|" + kind + "|" + settlementId).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }
}
