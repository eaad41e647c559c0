package com.paystream.ledger.payments;

import com.paystream.ledger.journal.SourceType;
import java.util.Objects;
import java.util.UUID;

/**
 * An instruction from the gateway about one payment (refund, cancellation, amendment or
 * supplement), as received. {@code requestedBy} is the operator or API key that asked for it,
 * {@code approvedBy} the second operator who approved it (four eyes at the gateway), or null.
 */
public record CommandReceived(
    UUID commandId,
    String paymentId,
    String merchantId,
    String provider,
    String requestedBy,
    String approvedBy,
    String reason,
    Body body,
    MessageMeta meta)
    implements PaymentMessage {

  public CommandReceived {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(meta, "meta");
    reason = reason == null ? "" : reason;
  }

  @Override
  public UUID sourceEventId() {
    return commandId;
  }

  @Override
  public SourceType sourceType() {
    return SourceType.COMMAND;
  }

  @Override
  public CommandReceived withMeta(MessageMeta other) {
    return new CommandReceived(
        commandId, paymentId, merchantId, provider, requestedBy, approvedBy, reason, body, other);
  }

  /** What the command asks for. */
  public sealed interface Body {}

  /** Give back {@code amountMinor} of a booked payment to the payer. */
  public record Refund(String refundId, long amountMinor, String currencyCode) implements Body {}

  /** Cancel the payment; after a booking this reverses it. */
  public record Cancellation(ReportedStatus cancelledStatus) implements Body {}

  /** Correct the payment: reverse what is booked and book the corrected amount and status. */
  public record Amendment(long amountMinor, String currencyCode, ReportedStatus status)
      implements Body {}

  /** Book a payment proven by a statement or the provider that the ledger never saw. */
  public record Supplement(long amountMinor, String currencyCode, String evidenceReference)
      implements Body {}
}
