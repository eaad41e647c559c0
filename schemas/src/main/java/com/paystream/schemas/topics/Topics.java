package com.paystream.schemas.topics;

import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.LedgerSeal;
import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.statements.StatementLine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every topic of the suite. Keys are UTF-8 strings ({@code StringSerializer}), chosen so that what
 * must stay in order shares a key; values are Avro in Confluent wire format.
 *
 * <p>Retention: topics holding callbacks, journal and audit records (including dead letters,
 * statements and commands) never expire ({@code retention.ms=-1}): the legal minimum is 3 years,
 * and a finite retention would be a deletion the suite itself schedules, counted from producer
 * timestamps it does not fully control. Archiving older segments (tiered storage) is an operator
 * decision. Only reconciliation results and reports, which can be recomputed from statements and
 * cashflow, expire.
 *
 * <p>Each topic names its writers: one service per topic, except the callbacks' dead-letter topic,
 * where the ledger and the relay each write what they give up on. Topics read only by their writer
 * are {@link Visibility#INTERNAL}; Kafka Streams' own changelog and repartition topics are not
 * catalogued (Streams creates and names them).
 */
public final class Topics {

  /** Recorded provider callbacks. Key: payment id. */
  public static final Topic<PaymentCallback> PAYMENT_CALLBACKS =
      Topic.of("payments.callbacks.v1", PaymentCallback.class, Retention.infinite())
          .writtenBy(
              Service.CALLBACK_RELAY,
              "ships the callbacks payment-gateway-svc recorded in its outbox, in order per key");

  /** Refunds, cancellations, amendments and supplements from the gateway. Key: payment id. */
  public static final Topic<PaymentCommand> PAYMENT_COMMANDS =
      Topic.of("payments.commands.v1", PaymentCommand.class, Retention.infinite())
          .writtenBy(
              Service.CALLBACK_RELAY,
              "ships the commands payment-gateway-svc recorded in its outbox, in order per key");

  /**
   * Callbacks and commands that can never be applied, with the reason. Key: payment id when known,
   * else the original record's key. The one topic with two writers.
   */
  public static final Topic<DeadLetter> PAYMENT_CALLBACKS_DLT =
      Topic.of("payments.callbacks.dlt.v1", DeadLetter.class, Retention.infinite())
          .writtenBy(
              Service.LEDGER,
              "the callbacks and commands it can never apply (undecodable, invalid, refused)")
          .writtenBy(
              Service.CALLBACK_RELAY,
              "the callbacks and commands the ledger has not confirmed after the whole"
                  + " re-delivery schedule");

  /**
   * What the ledger did with each callback or command; the relay's confirmations. Key: payment id
   * (the journal entry id for entries that belong to no payment).
   */
  public static final Topic<LedgerEntryEvent> LEDGER_ENTRIES =
      Topic.of("ledger.entries.v1", LedgerEntryEvent.class, Retention.infinite())
          .writtenBy(Service.LEDGER, "one event per callback or command applied");

  /** Every posting seen from its account, in sequence. Key: account id. */
  public static final Topic<CashflowLine> LEDGER_CASHFLOW =
      Topic.of("ledger.cashflow.v1", CashflowLine.class, Retention.infinite())
          .writtenBy(Service.LEDGER, "every posting of every journal entry, per account");

  /**
   * Ingested bank and provider statement lines. Key: the line's identity, statement id and line id
   * (see {@link StatementLine}).
   */
  public static final Topic<StatementLine> BANK_STATEMENTS =
      Topic.of("bank.statements.v1", StatementLine.class, Retention.infinite())
          .writtenBy(Service.RECONCILIATION, "the lines of every statement file it ingests");

  /**
   * Reconciliation matches and breaks. Key: payment reference. Kept 400 days (a yearly audit plus
   * margin); derivable again from statements and cashflow.
   */
  public static final Topic<ReconResult> RECON_RESULTS =
      Topic.of("recon.results.v1", ReconResult.class, Retention.of(Duration.ofDays(400)))
          .writtenBy(Service.RECONCILIATION, "every match and every break, opened or resolved");

  /**
   * Reconciliation reports per business date and currency. Key: {@code <date>|<currency>}; the
   * newest report of a key supersedes the earlier ones. Recomputable, so 400 days like results.
   */
  public static final Topic<ReconReport> RECON_REPORTS =
      Topic.of("recon.reports.v1", ReconReport.class, Retention.of(Duration.ofDays(400)))
          .writtenBy(Service.RECONCILIATION, "the reports of a date, on schedule and on demand");

  /**
   * Every service's audit trail: each act accepted or refused, each four-eyes request and decision.
   * Key: the target. Kept forever.
   */
  public static final Topic<AuditEvent> AUDIT_EVENTS =
      Topic.of("audit.events.v1", AuditEvent.class, Retention.infinite())
          .writtenBy(Service.PAYMENT_GATEWAY, "its audit records, through its outbox")
          .writtenBy(Service.CALLBACK_RELAY, "its audit records (redrives and their approvals)")
          .writtenBy(Service.LEDGER, "its audit records, through its outbox")
          .writtenBy(Service.RECONCILIATION, "its audit records, through its outbox");

  /**
   * The signed seal of every closed business date (hash over the journal chains' heads, Ed25519
   * signature with a key the ledger's database never holds). Key: the business date (ISO-8601).
   * Kept forever: it is the evidence outside the database that the journal was not rewritten.
   */
  public static final Topic<LedgerSeal> LEDGER_SEALS =
      Topic.of("ledger.seals.v1", LedgerSeal.class, Retention.infinite())
          .writtenBy(Service.LEDGER, "the signed seal of every business date it closes");

  /**
   * Records reconciliation could not read or match, with the reason. Key: the original key. Carries
   * the {@link #PAYMENT_CALLBACKS_DLT} contract under its subject.
   */
  public static final Topic<DeadLetter> RECON_DEAD_LETTERS =
      Topic.of("recon.deadletters.v1", DeadLetter.class, Retention.infinite())
          .sharingSubjectOf(PAYMENT_CALLBACKS_DLT)
          .internal()
          .writtenBy(Service.RECONCILIATION, "the records its matching could not read or use");

  /**
   * Manual resolutions requested by operators (audited in reconciliation's database first), as the
   * result the operator wants the break to read. Key: payment reference. Carries the {@link
   * #RECON_RESULTS} contract under its subject.
   */
  public static final Topic<ReconResult> RECON_RESOLUTIONS =
      Topic.of("recon.resolutions.v1", ReconResult.class, Retention.infinite())
          .sharingSubjectOf(RECON_RESULTS)
          .internal()
          .writtenBy(Service.RECONCILIATION, "operators' resolutions, shipped from its outbox");

  /**
   * Settlements reconciliation found on the bank account, for the ledger to book exactly once: a
   * provider payout matched to its bank line, a merchant payout's transfer confirmed or returned by
   * the bank. Key: the payout's reference. Kept forever: each one is the cause of a journal entry.
   */
  public static final Topic<Settlement> RECON_SETTLEMENTS =
      Topic.of("recon.settlements.v1", Settlement.class, Retention.infinite())
          .writtenBy(
              Service.RECONCILIATION,
              "each payout matched to its bank line (provider payouts; merchant payouts confirmed"
                  + " or returned), written by its matching, exactly once");

  private static final List<Topic<?>> ALL =
      List.of(
          PAYMENT_CALLBACKS,
          PAYMENT_COMMANDS,
          PAYMENT_CALLBACKS_DLT,
          LEDGER_ENTRIES,
          LEDGER_CASHFLOW,
          BANK_STATEMENTS,
          RECON_RESULTS,
          RECON_REPORTS,
          AUDIT_EVENTS,
          LEDGER_SEALS,
          RECON_DEAD_LETTERS,
          RECON_RESOLUTIONS,
          RECON_SETTLEMENTS);

  private Topics() {}

  /** All topics, in the order above. */
  public static List<Topic<?>> all() {
    return ALL;
  }

  /** All topics with {@code prefix} before each name (unique names per test); same subjects. */
  public static List<Topic<?>> all(String prefix) {
    return new TopicNames(prefix).all();
  }

  /** The catalogue topic called {@code name}. */
  public static Optional<Topic<?>> byName(String name) {
    return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
  }

  /**
   * The value schema of each subject, as the generated classes have it (topics sharing a subject
   * share its value type), in catalogue order.
   */
  public static Map<String, org.apache.avro.Schema> currentSchemas() {
    Map<String, org.apache.avro.Schema> schemas = new LinkedHashMap<>();
    ALL.forEach(topic -> schemas.putIfAbsent(topic.valueSubject(), topic.valueSchema()));
    return schemas;
  }

  /** The subjects of the topics other services read: these evolve FULL_TRANSITIVE. */
  public static List<String> publicSubjects() {
    return ALL.stream()
        .filter(topic -> topic.visibility() == Visibility.PUBLIC)
        .map(Topic::valueSubject)
        .distinct()
        .toList();
  }
}
