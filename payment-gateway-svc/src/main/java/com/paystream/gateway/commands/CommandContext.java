package com.paystream.gateway.commands;

import com.paystream.gateway.support.TraceIds;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who asked for a command to the ledger, why, and what caused it.
 *
 * @param causationId the request that caused the command (Idempotency-Key, refund id...)
 * @param approvedBy the second operator who approved it (four eyes); empty when none was needed
 */
public record CommandContext(
    UUID commandId,
    PaymentId paymentId,
    MerchantId merchantId,
    String provider,
    String requestedBy,
    String reason,
    String causationId,
    Instant at,
    TraceIds trace,
    Optional<String> approvedBy) {

  public CommandContext {
    Objects.requireNonNull(approvedBy, "approvedBy");
  }

  /** A command that needed no second operator. */
  public CommandContext(
      UUID commandId,
      PaymentId paymentId,
      MerchantId merchantId,
      String provider,
      String requestedBy,
      String reason,
      String causationId,
      Instant at,
      TraceIds trace) {
    this(
        commandId,
        paymentId,
        merchantId,
        provider,
        requestedBy,
        reason,
        causationId,
        at,
        trace,
        Optional.empty());
  }

  /** The same command, approved by {@code approver}. */
  public CommandContext approvedBy(Optional<String> approver) {
    return new CommandContext(
        commandId,
        paymentId,
        merchantId,
        provider,
        requestedBy,
        reason,
        causationId,
        at,
        trace,
        approver);
  }

  /** Ids derived from the request, so that a repeated request maps onto the same records. */
  public static UUID derivedId(String kind, PaymentId paymentId, String key) {
    return UUID.nameUUIDFromBytes(
        (kind + "|" + paymentId + "|" + key).getBytes(StandardCharsets.UTF_8));
  }
}
