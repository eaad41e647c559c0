package com.paystream.recon.topics;

import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import java.util.List;

/**
 * The catalogue topics reconciliation reads and writes, named by {@link TopicNames} under the run's
 * prefix ({@code paystream.topics.prefix}: tests give each run its own topics on a shared broker;
 * production leaves it empty).
 */
public record ReconTopics(String prefix) {

  public ReconTopics {
    prefix = new TopicNames(prefix).prefix();
  }

  private TopicNames names() {
    return new TopicNames(prefix);
  }

  public Topic<CashflowLine> cashflow() {
    return names().of(Topics.LEDGER_CASHFLOW);
  }

  public Topic<PaymentCallback> callbacks() {
    return names().of(Topics.PAYMENT_CALLBACKS);
  }

  public Topic<LedgerEntryEvent> entries() {
    return names().of(Topics.LEDGER_ENTRIES);
  }

  /** Reports per business date and currency. Key: {@code <date>|<currency>}. */
  public Topic<ReconReport> reports() {
    return names().of(Topics.RECON_REPORTS);
  }

  public Topic<StatementLine> statements() {
    return names().of(Topics.BANK_STATEMENTS);
  }

  public Topic<ReconResult> results() {
    return names().of(Topics.RECON_RESULTS);
  }

  public Topic<DeadLetter> deadLetters() {
    return names().of(Topics.RECON_DEAD_LETTERS);
  }

  public Topic<ReconResult> manualResolutions() {
    return names().of(Topics.RECON_RESOLUTIONS);
  }

  /**
   * Settlements found on the bank account, for the ledger to book exactly once. Key: the settlement
   * (payout) id. Written by the payout matcher only.
   */
  public Topic<Settlement> settlements() {
    return names().of(Topics.RECON_SETTLEMENTS);
  }

  /** The audit trail's events, written through the outbox. Key: the target of the act. */
  public Topic<AuditEvent> auditEvents() {
    return names().of(Topics.AUDIT_EVENTS);
  }

  /** Every topic reconciliation reads or writes; the missing ones are created at startup. */
  public List<Topic<?>> used() {
    return List.of(
        cashflow(),
        statements(),
        callbacks(),
        entries(),
        results(),
        reports(),
        deadLetters(),
        manualResolutions(),
        auditEvents(),
        settlements());
  }
}
