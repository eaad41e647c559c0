package com.paystream.ledger.booking;

import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.Refusal;
import java.util.Objects;

/** What applying one record did. */
public sealed interface Outcome {

  /** Seen before (in an earlier batch or earlier in this one): nothing is written again. */
  record Duplicate() implements Outcome {}

  /** A balanced entry was booked. */
  record Posted(BookedEntry entry) implements Outcome {
    public Posted {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** Applied, no money moved. */
  record NoFinancialEffect(String reason) implements Outcome {}

  /** Can never be applied: recorded as processed and sent to the dead-letter topic. */
  record DeadLettered(Refusal refusal) implements Outcome {
    public DeadLettered {
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  /**
   * Refused only because its payment is not booked yet: kept (not recorded as processed) and
   * applied in the transaction that books the payment. The refusal is still answered as today, a
   * retryable dead letter, so that the sender treats it as "not yet".
   */
  record Parked(Refusal refusal) implements Outcome {
    public Parked {
      Objects.requireNonNull(refusal, "refusal");
    }
  }
}
