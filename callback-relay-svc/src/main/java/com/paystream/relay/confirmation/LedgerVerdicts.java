package com.paystream.relay.confirmation;

import com.paystream.relay.confirmation.Confirmation.Verdict;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import java.util.Optional;
import java.util.UUID;

/** Reads confirmations out of the ledger's events and dead letters. */
final class LedgerVerdicts {

  private static final String RELAY = "callback-relay-svc";

  private LedgerVerdicts() {}

  /** Every ledger entry event confirms the callback or command it names. */
  static Optional<Confirmation> of(LedgerEntryEvent event) {
    return parseUuid(event.getSourceEventId())
        .map(
            messageId ->
                new Confirmation(
                    messageId,
                    event.getEnvelope().getEventId(),
                    Verdict.APPLIED,
                    event.getOutcome().name()));
  }

  /**
   * A ledger dead letter that says retrying cannot help stops re-delivery at once; the relay's own
   * dead letters and retryable ones are not verdicts of the ledger.
   */
  static Optional<Confirmation> of(DeadLetter letter) {
    if (RELAY.equals(letter.getFailedBy())
        || letter.getRetryable()
        || letter.getMessageId() == null) {
      return Optional.empty();
    }
    return parseUuid(letter.getMessageId())
        .map(
            messageId ->
                new Confirmation(
                    messageId,
                    letter.getEnvelope().getEventId(),
                    Verdict.REJECTED,
                    letter.getReasonCode() + ": " + letter.getReason()));
  }

  private static Optional<UUID> parseUuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
