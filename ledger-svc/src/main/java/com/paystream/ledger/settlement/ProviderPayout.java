package com.paystream.ledger.settlement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A provider's payout as reconciliation found it on our bank account ({@code recon.settlements.v1},
 * kind PROVIDER_PAYOUT), field for field: judging the values is {@link ProviderSettlementRules}'
 * job, so that a nonsensical one is dead-lettered with a reason. Amounts are in minor units of
 * {@code currencyCode}; {@code bankAmountMinor} is signed (negative: the provider debited our
 * account), the report's sums are not. {@code statementId}, {@code statementLineId} and {@code
 * breakId} may be null.
 */
public record ProviderPayout(
    String settlementId,
    String provider,
    String currencyCode,
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
    String breakId) {

  public ProviderPayout {
    Objects.requireNonNull(businessDate, "businessDate");
    Objects.requireNonNull(valueDate, "valueDate");
  }
}
