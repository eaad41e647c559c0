package com.paystream.ledger.booking;

import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.PaymentMessage;
import java.util.Objects;
import java.util.UUID;

/** A consumed record: either a message the ledger can read, or one it cannot (with why). */
public sealed interface InboundRecord {

  SourceRef source();

  /** The id the record is deduplicated by. */
  UUID sourceEventId();

  /** A decoded message. */
  record Readable(SourceRef source, PaymentMessage message) implements InboundRecord {
    public Readable {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public UUID sourceEventId() {
      return message.sourceEventId();
    }
  }

  /**
   * Bytes that decode to no message; {@code messageId} and {@code paymentId} are set when the
   * decoder got that far, so the relay can still stop re-delivering. {@code traceId} and {@code
   * spanId} name the trace the ledger continued for the record from its headers (empty: none), so
   * that its dead letter is published in it.
   */
  record Unreadable(
      SourceRef source,
      Refusal refusal,
      UUID messageId,
      String paymentId,
      String traceId,
      String spanId)
      implements InboundRecord {
    public Unreadable {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(refusal, "refusal");
      traceId = traceId == null ? "" : traceId;
      spanId = spanId == null ? "" : spanId;
    }

    /** Outside any trace. */
    public Unreadable(SourceRef source, Refusal refusal, UUID messageId, String paymentId) {
      this(source, refusal, messageId, paymentId, "", "");
    }

    /** The same record in the trace and span that consumed it. */
    public Unreadable inSpan(String continuedTraceId, String consumingSpanId) {
      return new Unreadable(
          source, refusal, messageId, paymentId, continuedTraceId, consumingSpanId);
    }

    @Override
    public UUID sourceEventId() {
      return messageId != null ? messageId : source.positionId();
    }
  }
}
