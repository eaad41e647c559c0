package com.paystream.recon.matching;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One result about a payment reference, in one currency (a break across currencies, a currency
 * mismatch, has one event per currency under the same break id).
 *
 * @param eventId deterministic id of this result (same inputs, same id), for consumers' dedup
 * @param resolution how a RESOLVED break closed; null while OPEN and for MATCHED
 * @param callbackId internal results: the succeeded callback involved; null otherwise
 * @param statementId the statement of {@code statementLineId}; null when there is no line
 * @param statementReference the reference the statement line itself gives (null when it gives
 *     none): {@code reference} is the unit matched in, which for a line without one is made up
 * @param payoutReference second-leg results: the provider or merchant payout the result concerns;
 *     null otherwise
 */
public record ReconEvent(
    String eventId,
    String breakId,
    String reference,
    Outcome outcome,
    BreakState state,
    String resolution,
    LocalDate businessDate,
    Leg leg,
    String statementLineId,
    String entryId,
    String provider,
    String causationId,
    String traceId,
    String callbackId,
    String statementId,
    String statementReference,
    String payoutReference) {

  /** A first-leg result: no payout involved. */
  public ReconEvent(
      String eventId,
      String breakId,
      String reference,
      Outcome outcome,
      BreakState state,
      String resolution,
      LocalDate businessDate,
      Leg leg,
      String statementLineId,
      String entryId,
      String provider,
      String causationId,
      String traceId,
      String callbackId,
      String statementId,
      String statementReference) {
    this(
        eventId,
        breakId,
        reference,
        outcome,
        state,
        resolution,
        businessDate,
        leg,
        statementLineId,
        entryId,
        provider,
        causationId,
        traceId,
        callbackId,
        statementId,
        statementReference,
        null);
  }

  /** An internal result (no statement line involved). */
  public ReconEvent(
      String eventId,
      String breakId,
      String reference,
      Outcome outcome,
      BreakState state,
      String resolution,
      LocalDate businessDate,
      Leg leg,
      String statementLineId,
      String entryId,
      String provider,
      String causationId,
      String traceId,
      String callbackId) {
    this(
        eventId,
        breakId,
        reference,
        outcome,
        state,
        resolution,
        businessDate,
        leg,
        statementLineId,
        entryId,
        provider,
        causationId,
        traceId,
        callbackId,
        null,
        null);
  }

  public ReconEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(breakId, "breakId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(businessDate, "businessDate");
    Objects.requireNonNull(leg, "leg");
  }

  public String currency() {
    return leg.currencyCode();
  }
}
