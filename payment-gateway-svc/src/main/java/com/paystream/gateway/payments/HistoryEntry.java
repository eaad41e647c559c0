package com.paystream.gateway.payments;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One row of a payment's append-only status history: what happened, what it did to the status, and
 * who or what caused it.
 *
 * @param amount the amount the cause stated (a callback's reported amount), when it stated one
 * @param causeId the callback id, request id or command id that caused the entry
 * @param actor who caused it: {@code provider:<name>}, a merchant key id or an operator
 */
public record HistoryEntry(
    PaymentId paymentId,
    Event event,
    Optional<PaymentStatus> from,
    PaymentStatus to,
    Optional<PaymentStatus> reported,
    Set<StatusFlag> flags,
    Optional<Money> amount,
    CauseType causeType,
    String causeId,
    String actor,
    Instant recordedAt) {

  public HistoryEntry {
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reported, "reported");
    flags = Set.copyOf(flags);
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(causeType, "causeType");
    Objects.requireNonNull(causeId, "causeId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /** The payment came into existence in status CREATED. */
  public static HistoryEntry created(
      PaymentId paymentId, Money amount, Cause cause, Instant recordedAt) {
    return new HistoryEntry(
        paymentId,
        Event.CREATED,
        Optional.empty(),
        PaymentStatus.CREATED,
        Optional.empty(),
        Set.of(),
        Optional.of(amount),
        cause.type(),
        cause.id(),
        cause.actor(),
        recordedAt);
  }

  /** A status was reported and decided on, whether or not it moved the payment. */
  public static HistoryEntry reported(
      PaymentId paymentId, StatusDecision decision, Money amount, Cause cause, Instant recordedAt) {
    return new HistoryEntry(
        paymentId,
        Event.STATUS_REPORTED,
        Optional.of(decision.from()),
        decision.to(),
        Optional.of(decision.reported()),
        decision.flags(),
        Optional.of(amount),
        cause.type(),
        cause.id(),
        cause.actor(),
        recordedAt);
  }

  /** A change made through the API or by an operator: from one status to another, by a caller. */
  public static HistoryEntry changed(
      PaymentId paymentId,
      Event event,
      PaymentStatus from,
      PaymentStatus to,
      Money amount,
      Cause cause,
      Instant recordedAt) {
    return new HistoryEntry(
        paymentId,
        event,
        Optional.of(from),
        to,
        Optional.empty(),
        Set.of(),
        Optional.of(amount),
        cause.type(),
        cause.id(),
        cause.actor(),
        recordedAt);
  }

  public boolean moved() {
    return from.map(status -> status != to).orElse(true);
  }

  /** What kind of change the row records. */
  public enum Event {
    CREATED,
    STATUS_REPORTED,
    CANCELLED,
    REFUNDED,
    AMENDED,
    SUPPLEMENTED,
    PROVIDER_REFUSED
  }

  /** Where a change came from. */
  public enum CauseType {
    CALLBACK,
    API,
    OPERATOR
  }

  /** The id and actor of what caused a change. */
  public record Cause(CauseType type, String id, String actor) {

    public Cause {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(actor, "actor");
    }
  }
}
