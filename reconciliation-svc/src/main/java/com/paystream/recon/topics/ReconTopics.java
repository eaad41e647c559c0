package com.paystream.recon.topics;

import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.topics.CleanupPolicy;
import com.paystream.schemas.topics.Retention;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics reconciliation uses, under an optional name prefix (tests give each run its own topics
 * on a shared broker; production leaves it empty).
 *
 * <p>Two topics are reconciliation's own and not (yet) in the catalogue: its dead letters, which
 * carry the catalogue's {@link DeadLetter} contract, and the operators' manual resolutions, which
 * carry a {@link ReconResult} saying how the operator wants the break to read. Both reuse the
 * subject of their contract, so the pinned schema ids apply unchanged.
 */
@ConfigurationProperties("paystream.topics")
public record ReconTopics(String prefix) {

  /** Records reconciliation could not read or process, with the reason. Key: the original key. */
  public static final Topic<DeadLetter> DEAD_LETTERS =
      new Topic<>(
          "recon.deadletters.v1",
          Topic.DEFAULT_PARTITIONS,
          Retention.infinite(),
          CleanupPolicy.DELETE,
          DeadLetter.class,
          Topics.PAYMENT_CALLBACKS_DLT.valueSubject());

  /** Manual resolutions requested by operators (audited in the database first). Key: reference. */
  public static final Topic<ReconResult> MANUAL_RESOLUTIONS =
      new Topic<>(
          "recon.resolutions.v1",
          Topic.DEFAULT_PARTITIONS,
          Retention.infinite(),
          CleanupPolicy.DELETE,
          ReconResult.class,
          Topics.RECON_RESULTS.valueSubject());

  public ReconTopics {
    prefix = prefix == null ? "" : prefix;
  }

  public Topic<com.paystream.schemas.ledger.CashflowLine> cashflow() {
    return Topics.LEDGER_CASHFLOW.withPrefix(prefix);
  }

  public Topic<com.paystream.schemas.callbacks.PaymentCallback> callbacks() {
    return Topics.PAYMENT_CALLBACKS.withPrefix(prefix);
  }

  public Topic<com.paystream.schemas.ledger.LedgerEntryEvent> entries() {
    return Topics.LEDGER_ENTRIES.withPrefix(prefix);
  }

  /**
   * Reports per business date and currency (JSON, see the report package): the catalogue has no
   * report contract yet. Key: {@code <date>|<currency>}. Recomputable, so 400 days like results.
   */
  public String reports() {
    return prefix + "recon.reports.v1";
  }

  public Topic<com.paystream.schemas.statements.StatementLine> statements() {
    return Topics.BANK_STATEMENTS.withPrefix(prefix);
  }

  public Topic<ReconResult> results() {
    return Topics.RECON_RESULTS.withPrefix(prefix);
  }

  public Topic<DeadLetter> deadLetters() {
    return DEAD_LETTERS.withPrefix(prefix);
  }

  public Topic<ReconResult> manualResolutions() {
    return MANUAL_RESOLUTIONS.withPrefix(prefix);
  }

  /** Every topic reconciliation reads or writes; the missing ones are created at startup. */
  public List<Topic<?>> used() {
    return List.of(
        cashflow(),
        statements(),
        callbacks(),
        entries(),
        results(),
        deadLetters(),
        manualResolutions());
  }
}
