package com.paystream.recon.breaks;

import com.paystream.recon.matching.ReconEvent;
import java.time.LocalDate;

/**
 * One open break leg as the API shows it. Amounts are net minor units, positive = money in. {@code
 * breakId} is opaque and URL-safe; {@code paymentReference} is the reference matched under, and
 * {@code statementReference} / {@code statementId} what the statement line itself says (the
 * reference is null for a line without one). {@code payoutReference} names the payout a second-leg
 * break is about (a provider's {@code po_…} or a merchant's {@code mpo_…}; for a payout line's
 * break, {@code paymentReference} is the payment and this the payout that listed it); null for the
 * first leg.
 */
public record BreakView(
    String breakId,
    String paymentReference,
    String outcome,
    LocalDate businessDate,
    String currency,
    Long statementAmountMinor,
    Long internalAmountMinor,
    long atRiskMinor,
    String provider,
    String statementId,
    String statementLineId,
    String statementReference,
    String entryId,
    String callbackId,
    String payoutReference) {

  public static BreakView of(ReconEvent event) {
    return new BreakView(
        event.breakId(),
        event.reference(),
        event.outcome().name(),
        event.businessDate(),
        event.currency(),
        event.leg().statementMinor(),
        event.leg().internalMinor(),
        event.leg().atRisk().minor(),
        event.provider(),
        event.statementId(),
        event.statementLineId(),
        event.statementReference(),
        event.entryId(),
        event.callbackId(),
        event.payoutReference());
  }
}
