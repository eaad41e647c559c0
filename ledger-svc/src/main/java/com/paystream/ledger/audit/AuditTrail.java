package com.paystream.ledger.audit;

import com.paystream.ledger.audit.persistence.AuditStore;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the ledger's audit records: each one into {@code audit_record} and, in the same
 * transaction, as an outbox row that publishes it on {@code audit.events.v1} (key: the target). An
 * accepted act is recorded in the transaction of the change it records ({@link #accepted}); a
 * refusal, which changed nothing, in a transaction of its own ({@link #refused}).
 */
public final class AuditTrail {

  /** How the ledger names itself in audit records. */
  public static final String SERVICE = "ledger-svc";

  private final TransactionTemplate transactions;
  private final TransactionTemplate alone;
  private final AuditStore store;
  private final AuditEvents events;
  private final JdbcBookingStore outbox;
  private final Clock clock;

  public AuditTrail(
      TransactionTemplate transactions,
      AuditStore store,
      AuditEvents events,
      JdbcBookingStore outbox,
      Clock clock) {
    this.transactions = transactions;
    this.alone = new TransactionTemplate(transactions.getTransactionManager());
    this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.store = store;
    this.events = events;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Runs {@code change} in a transaction (the caller's, if it has one) and, when {@code accepted}
   * says it was done, records the act as ACCEPTED in that same transaction: the change and its
   * record commit together or not at all. A change that was refused is not recorded here; its
   * refusal is ({@link #refused}) once the answer is known.
   */
  public <T> T accepted(
      Act act, String action, String target, String reason, Supplier<T> change, Predicate<T> done) {
    return transactions.execute(
        status -> {
          T result = change.get();
          if (done.test(result)) {
            record(act, action, target, AuditOutcome.ACCEPTED, reason);
          }
          return result;
        });
  }

  /** Records an act in the caller's transaction (four-eyes requests and decisions). */
  public AuditRecord record(
      Act act, String action, String target, AuditOutcome outcome, String reason) {
    AuditRecord record =
        new AuditRecord(
            UUID.randomUUID(),
            SERVICE,
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            act.actor(),
            act.role(),
            act.credential(),
            action,
            target,
            outcome,
            reason,
            act.requestId(),
            act.traceId());
    store.insert(record);
    outbox.writeOutbox(List.of(events.compose(record)));
    return record;
  }

  /** Records a refusal in a transaction of its own: nothing else was, or will be, written. */
  public AuditRecord refused(Act act, String action, String target, String reason) {
    return alone.execute(status -> record(act, action, target, AuditOutcome.REFUSED, reason));
  }

  /** Records from newest to oldest, as the auditor asked. */
  public AuditPage query(AuditQuery query) {
    return transactions.execute(status -> store.page(query));
  }
}
