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
}
