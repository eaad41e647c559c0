package com.paystream.ledger.booking.kafka;

import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.CommandReceived;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PaymentMessage;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.Amendment;
import com.paystream.schemas.commands.Cancellation;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.commands.Refund;
import com.paystream.schemas.commands.Supplement;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;

/**
 * Maps the Avro contracts to the ledger's messages, field for field: judging the values is the
 * posting rules' job, so that a nonsensical message is dead-lettered with a reason.
 */
final class Messages {

  private Messages() {}

  static PaymentMessage callback(PaymentCallback callback) {
    return new CallbackReceived(
        callback.getCallbackId(),
        callback.getPaymentId(),
        callback.getMerchantId(),
        callback.getProvider(),
        status(callback.getStatus()),
        callback.getAmountMinor(),
        callback.getCurrency(),
        meta(callback.getEnvelope()));
  }

  static PaymentMessage command(PaymentCommand command) {
    return new CommandReceived(
        command.getCommandId(),
        command.getPaymentId(),
        command.getMerchantId(),
        command.getProvider(),
        command.getRequestedBy(),
        command.getApprovedBy(),
        command.getReason(),
        body(command.getBody()),
        meta(command.getEnvelope()));
  }

  private static CommandReceived.Body body(Object body) {
    if (body instanceof Refund refund) {
      return new CommandReceived.Refund(
          refund.getRefundId(), refund.getAmountMinor(), refund.getCurrency());
    }
    if (body instanceof Cancellation cancellation) {
      return new CommandReceived.Cancellation(status(cancellation.getCancelledStatus()));
    }
    if (body instanceof Amendment amendment) {
      return new CommandReceived.Amendment(
          amendment.getAmountMinor(), amendment.getCurrency(), status(amendment.getStatus()));
    }
    Supplement supplement = (Supplement) body;
    return new CommandReceived.Supplement(
        supplement.getAmountMinor(), supplement.getCurrency(), supplement.getEvidenceReference());
  }

  private static MessageMeta meta(Envelope envelope) {
    return new MessageMeta(envelope.getOccurredAt(), envelope.getTraceId());
  }

  /** A status added to the contract after this version reads as UNKNOWN, which is refused. */
  private static ReportedStatus status(PaymentStatus status) {
    try {
      return ReportedStatus.valueOf(status.name());
    } catch (IllegalArgumentException | NullPointerException e) {
      return ReportedStatus.UNKNOWN;
    }
  }
}
