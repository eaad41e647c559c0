package com.paystream.recon.matching.streams;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import com.paystream.recon.matching.internal.InternalArrival;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.ledger.JournalEntry;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.Posting;
import java.time.ZoneId;

/**
 * The gateway's callbacks and the ledger's entries as input of internal reconciliation. Which
 * records take part: callbacks with status SUCCEEDED, and POSTED entries of type PAYMENT that
 * belong to a payment (refunds, reversals, amendments and supplements are corrections, not the
 * booking a succeeded callback owes).
 */
final class InternalMapper {

  private InternalMapper() {}

  static boolean relevant(PaymentCallback callback) {
    return callback != null && callback.getStatus() == PaymentStatus.SUCCEEDED;
  }

  static boolean relevant(LedgerEntryEvent event) {
    return event != null
        && ArrivalMapper.known(event.getOutcome(), "outcome") == EntryOutcome.POSTED
        && event.getEntry() != null
        && ArrivalMapper.known(event.getEntry().getEntryType(), "entry_type") == EntryType.PAYMENT
        && event.getPaymentId() != null
        && !event.getPaymentId().isBlank();
  }

  static InternalArrival.CallbackSucceeded callback(PaymentCallback callback, ZoneId zone) {
    ArrivalMapper.requireAmount(callback.getAmountMinor(), callback.getCurrency());
    if (callback.getPaymentId() == null || callback.getPaymentId().isBlank()) {
      throw new InvalidRecordException("NO_PAYMENT_ID", "succeeded callback without payment id");
    }
    return new InternalArrival.CallbackSucceeded(
        paymentId(callback.getPaymentId()),
        callback.getCallbackId().toString(),
        Money.of(callback.getAmountMinor(), callback.getCurrency()),
        callback.getEnvelope().getOccurredAt().atZone(zone).toLocalDate(),
        callback.getProvider(),
        callback.getEnvelope().getEventId().toString(),
        callback.getEnvelope().getTraceId());
  }

  /** The amount an entry booked: its debits in the currency of its first posting. */
  static InternalArrival.EntryPosted entry(LedgerEntryEvent event) {
    JournalEntry entry = event.getEntry();
    if (entry.getPostings().isEmpty()) {
      throw new InvalidRecordException("NO_POSTINGS", "posted entry without postings");
    }
    String currency = entry.getPostings().get(0).getCurrency();
    long debits = 0;
    for (Posting posting : entry.getPostings()) {
      if (ArrivalMapper.known(posting.getSide(), "side") == Side.DEBIT
          && currency.equals(posting.getCurrency())) {
        debits = Math.addExact(debits, posting.getAmountMinor());
      }
    }
    ArrivalMapper.requireAmount(debits, currency);
    return new InternalArrival.EntryPosted(
        paymentId(event.getPaymentId()),
        entry.getEntryId().toString(),
        event.getSourceEventId(),
        Money.of(debits, currency),
        entry.getEffectiveDate(),
        event.getEnvelope().getEventId().toString(),
        event.getEnvelope().getTraceId());
  }

  /** A payment id of this suite; anything else is a record no payment of ours can be found by. */
  private static PaymentId paymentId(String value) {
    try {
      return new PaymentId(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("INVALID_PAYMENT_ID", e.getMessage());
    }
  }
}
