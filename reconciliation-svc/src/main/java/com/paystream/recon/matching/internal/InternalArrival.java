package com.paystream.recon.matching.internal;

import java.time.LocalDate;
import java.util.Objects;

/** What internal reconciliation takes in, per payment id. */
public sealed interface InternalArrival {

  String paymentId();

  /** Callback id or entry id: the same id arriving again is a re-delivery and changes nothing. */
  String id();

  long amountMinor();

  String currency();

  LocalDate businessDate();

  String causationId();

  String traceId();

  /**
   * A SUCCEEDED callback on {@code payments.callbacks.v1}.
   *
   * @param businessDate the date of its occurred-at in the reconciliation zone
   */
  record CallbackSucceeded(
      String paymentId,
      String callbackId,
      long amountMinor,
      String currency,
      LocalDate businessDate,
      String provider,
      String causationId,
      String traceId)
      implements InternalArrival {

    public CallbackSucceeded {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(callbackId, "callbackId");
      Objects.requireNonNull(currency, "currency");
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
   * @param amountMinor what the entry booked: its debits in {@code currency}
   */
  record EntryPosted(
      String paymentId,
      String entryId,
      String sourceEventId,
      long amountMinor,
      String currency,
      LocalDate businessDate,
      String causationId,
      String traceId)
      implements InternalArrival {

    public EntryPosted {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(sourceEventId, "sourceEventId");
      Objects.requireNonNull(currency, "currency");
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
