package com.paystream.ledger.booking;

import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.sealing.SignedSeal;
import java.util.List;

/** Turns a planned batch into the Kafka records to publish through the outbox with it. */
public interface EventComposer {

  List<OutboxMessage> compose(BatchPlan plan);

  /**
   * The entry event and cashflow lines of an entry booked outside the payments pipeline (an
   * operator's hold capture, a provider settlement), with the entry's own source type, in the trace
   * and span that caused it (the operator's request, the consumed settlement; empty when none).
   */
  List<OutboxMessage> composeOperatorEntry(BookedEntry entry, String traceId, String spanId);

  /** The signed seal of a closed business date, for the seals topic. */
  OutboxMessage composeSeal(SignedSeal seal);
}
