package com.paystream.ledger.payments;

import com.paystream.ledger.journal.SourceType;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider callback as the gateway recorded it. Fields are as received: the posting rules, not
 * the decoder, judge whether they make sense, so that a nonsensical callback is dead-lettered with
 * the reason instead of failing somewhere in between.
 */
public record CallbackReceived(
    UUID callbackId,
    String paymentId,
    String merchantId,
    String provider,
    ReportedStatus status,
    long amountMinor,
    String currencyCode,
    MessageMeta meta)
    implements PaymentMessage {

  public CallbackReceived {
    Objects.requireNonNull(callbackId, "callbackId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(meta, "meta");
  }

  @Override
  public UUID sourceEventId() {
    return callbackId;
  }

  @Override
  public SourceType sourceType() {
    return SourceType.CALLBACK;
  }

  @Override
  public CallbackReceived withMeta(MessageMeta other) {
    return new CallbackReceived(
        callbackId, paymentId, merchantId, provider, status, amountMinor, currencyCode, other);
  }
}
