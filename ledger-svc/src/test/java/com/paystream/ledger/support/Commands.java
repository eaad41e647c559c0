package com.paystream.ledger.support;

import com.paystream.schemas.commands.Amendment;
import com.paystream.schemas.commands.Cancellation;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.commands.Refund;
import com.paystream.schemas.commands.Supplement;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import java.time.Instant;
import java.util.UUID;

/** Builds payment commands as the gateway publishes them. */
public final class Commands {

  private Commands() {}

  public static PaymentCommand refund(String paymentId, long amountMinor) {
    return command(paymentId, "", new Refund("refund-" + UUID.randomUUID(), amountMinor, "EUR"));
  }

  public static PaymentCommand cancellation(String paymentId) {
    return command(paymentId, "", new Cancellation(PaymentStatus.CANCELLED));
  }

  public static PaymentCommand amendment(String paymentId, long amountMinor, String reason) {
    return command(paymentId, reason, new Amendment(amountMinor, "EUR", PaymentStatus.SUCCEEDED));
  }

  public static PaymentCommand supplement(String paymentId, long amountMinor) {
    return command(
        paymentId,
        "seen on the bank statement",
        new Supplement(amountMinor, "EUR", "stmt-1/line-1"));
  }

  private static PaymentCommand command(String paymentId, String reason, Object body) {
    UUID commandId = UUID.randomUUID();
    return PaymentCommand.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setCausationId(commandId.toString())
                .setOccurredAt(Instant.parse("2026-03-01T10:00:00Z"))
                .setRecordedAt(Instant.parse("2026-03-01T10:00:01Z"))
                .setTraceId("")
                .build())
        .setCommandId(commandId)
        .setPaymentId(paymentId)
        .setMerchantId("m-1")
        .setProvider("simulator")
        .setRequestedBy("operator-1")
        .setReason(reason)
        .setBody(body)
        .build();
  }
}
