package com.paystream.ledger.booking;

import java.util.Objects;

/** One record of a batch with what applying it did. */
public record AppliedRecord(InboundRecord record, Outcome outcome) {

  public AppliedRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(outcome, "outcome");
  }
}
