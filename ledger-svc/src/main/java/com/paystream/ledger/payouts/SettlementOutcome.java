package com.paystream.ledger.payouts;

import java.util.UUID;

/** What a settlement record did to a payout. */
public sealed interface SettlementOutcome {

  /** Booked: a capture (entry), a release (no entry) or a return (entry). */
  record Applied(String payoutId, String what, UUID entryId) implements SettlementOutcome {}

  /** Nothing to do (e.g. returned after it was released already). */
  record NoEffect(String payoutId, String reason) implements SettlementOutcome {}

  /** Read before: nothing changed. */
  record Duplicate(String key) implements SettlementOutcome {}

  /** Can never apply as it is: dead-lettered with {@code code} and {@code reason}. */
  record DeadLettered(String code, String reason) implements SettlementOutcome {}
}
