package com.paystream.recon.breaks;

import com.paystream.recon.matching.ReconEvent;
import java.time.LocalDate;

/**
 * One open break leg as the API shows it. Amounts are net minor units, positive = money in. {@code
 * breakId} is opaque and URL-safe; {@code paymentReference} is the reference matched under, and
 * {@code statementReference} / {@code statementId} what the statement line itself says (the
 * reference is null for a line without one).
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
    String callbackId) {

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
        event.callbackId());
  }
}
