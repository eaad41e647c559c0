package com.paystream.recon.matching.internal;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** What internal reconciliation takes in, per payment id. */
public sealed interface InternalArrival {

  PaymentId paymentId();

  /** Callback id or entry id: the same id arriving again is a re-delivery and changes nothing. */
  String id();

  /** The amount the callback reported or the entry booked. */
  Money amount();

  LocalDate businessDate();

  String causationId();

  String traceId();

  /**
   * A SUCCEEDED callback on {@code payments.callbacks.v1}.
   *
   * @param businessDate the date of its occurred-at in the reconciliation zone
   */
  record CallbackSucceeded(
      PaymentId paymentId,
      String callbackId,
      Money amount,
      LocalDate businessDate,
      String provider,
      String causationId,
      String traceId)
      implements InternalArrival {

    public CallbackSucceeded {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(callbackId, "callbackId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(businessDate, "businessDate");
      causationId = causationId == null ? "" : causationId;
      traceId = traceId == null ? "" : traceId;
    }

    @Override
    public String id() {
      return callbackId;
    }
  }

  /**
   * A POSTED payment entry on {@code ledger.entries.v1}.
   *
   * @param sourceEventId the callback id the ledger applied
   * @param amount what the entry booked: its debits in the currency of its first posting
   */
  record EntryPosted(
      PaymentId paymentId,
      String entryId,
      String sourceEventId,
      Money amount,
      LocalDate businessDate,
      String causationId,
      String traceId)
      implements InternalArrival {

    public EntryPosted {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(sourceEventId, "sourceEventId");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(businessDate, "businessDate");
      causationId = causationId == null ? "" : causationId;
      traceId = traceId == null ? "" : traceId;
    }

    @Override
    public String id() {
      return entryId;
    }
  }
}
