package com.paystream.gateway.payments.application;

import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.Outbox;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.outbox.PublisherWakeup;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.HistoryEntry.Cause;
import com.paystream.gateway.payments.HistoryEntry.CauseType;
import com.paystream.gateway.payments.PaymentChange;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.support.TraceIds;
import com.paystream.platform.ids.PaymentId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one shape of every change a request makes to a payment (cancellation, refund, amendment,
 * supplement): status, history row, the ledger's command in the outbox and the audit record, in the
 * caller's transaction, which must hold the payment's row lock.
 */
@Component
public class PaymentChangeRecorder {

  private final PaymentLookup reader;
  private final PaymentUpdates payments;
  private final Outbox outbox;
  private final PublisherWakeup wakeup;
  private final AuditTrail audit;

  public PaymentChangeRecorder(
      PaymentLookup reader,
      PaymentUpdates payments,
      Outbox outbox,
      PublisherWakeup wakeup,
      AuditTrail audit) {
    this.reader = reader;
    this.payments = payments;
    this.outbox = outbox;
    this.wakeup = wakeup;
    this.audit = audit;
  }

  /**
   * Records {@code change}, announced by {@code command} (whose id is the history row's cause), and
   * audits it as {@code action}; emits the payment as it is afterwards.
   */
  public Mono<PaymentView> record(
      Caller caller,
      PaymentChange change,
      OutboxMessage command,
      String action,
      String reason,
      Instant at,
      TraceIds trace) {
    return record(caller, change, command, action, reason, at, trace, Optional.empty());
  }

  /**
   * Records a change approved by a second operator ({@code approvedBy}, four eyes): the history row
   * names both; the audit record is the approval's (written by the approval, so one act leaves one
   * record).
   */
  public Mono<PaymentView> record(
      Caller caller,
      PaymentChange change,
      OutboxMessage command,
      String action,
      String reason,
      Instant at,
      TraceIds trace,
      Optional<String> approvedBy) {
    PaymentView before = change.before();
    PaymentId paymentId = before.paymentId();
    Cause cause =
        new Cause(
            caller instanceof Caller.Operator ? CauseType.OPERATOR : CauseType.API,
            command.messageId().toString(),
            approvedBy
                .map(approver -> caller.actor() + " approved by " + approver)
                .orElse(caller.actor()));
    Mono<Void> update =
        change.correction()
            ? payments.correct(paymentId, change.after(), change.amount().minor(), at)
            : payments.moveStatus(paymentId, change.after(), at);
    return update
        .then(
            payments.append(
                HistoryEntry.changed(
                    paymentId,
                    change.event(),
                    before.status(),
                    change.after(),
                    change.historyAmount(),
                    cause,
                    at)))
        .then(outbox.appendIfAbsent(command))
        .then(reader.find(paymentId))
        .flatMap(
            after ->
                approvedBy.isPresent()
                    ? Mono.just(after)
                    : audit
                        .append(
                            new AuditEntry(
                                at,
                                caller.actor(),
                                action,
                                "payment",
                                paymentId.value(),
                                Optional.of(PaymentJson.view(before)),
                                Optional.of(PaymentJson.view(after)),
                                reason,
                                trace.traceId()))
                        .thenReturn(after));
  }

  /** True when the command with this id is in the outbox: the request was recorded before. */
  public Mono<Boolean> recorded(UUID commandId) {
    return outbox.exists(commandId);
  }

  /** Wakes the outbox publisher; call after the change's transaction committed. */
  public void committed() {
    wakeup.wake();
  }

  /** Merchants change only their own payments; operators any. */
  public static boolean mayChange(Caller caller, PaymentView view) {
    return caller instanceof Caller.Operator
        || (caller instanceof Caller.Merchant merchant
            && merchant.merchantId().equals(view.merchantId()));
  }

  /** The context of a command about {@code payment}. */
  public static CommandContext context(
      UUID commandId,
      PaymentView payment,
      Caller caller,
      String reason,
      String causationId,
      Instant at,
      TraceIds trace) {
    return new CommandContext(
        commandId,
        payment.paymentId(),
        payment.merchantId(),
        payment.provider(),
        caller.actor(),
        reason,
        causationId,
        at,
        trace);
  }
}
