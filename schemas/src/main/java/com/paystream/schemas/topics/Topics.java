package com.paystream.schemas.topics;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.statements.StatementLine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every topic of the suite. Keys are UTF-8 strings ({@code StringSerializer}), chosen so that what
 * must stay in order shares a key; values are Avro in Confluent wire format.
 *
 * <p>Retention: topics holding callbacks, journal and audit records (including dead letters,
 * statements and commands) never expire ({@code retention.ms=-1}): the legal minimum is 3 years,
 * and a finite retention would be a deletion the suite itself schedules, counted from producer
 * timestamps it does not fully control. Archiving older segments (tiered storage) is an operator
 * decision. Only reconciliation results, which can be recomputed from statements and cashflow,
 * expire.
 */
public final class Topics {

  /** Recorded provider callbacks, relayed by callback-relay-svc. Key: payment id. */
  public static final Topic<PaymentCallback> PAYMENT_CALLBACKS =
      Topic.of("payments.callbacks.v1", PaymentCallback.class, Retention.infinite());

  /** Refunds, cancellations, amendments and supplements from the gateway. Key: payment id. */
  public static final Topic<PaymentCommand> PAYMENT_COMMANDS =
      Topic.of("payments.commands.v1", PaymentCommand.class, Retention.infinite());

  /**
   * Callbacks and commands that can never be applied, with the reason. Key: payment id when known,
   * else the original record's key.
   */
  public static final Topic<DeadLetter> PAYMENT_CALLBACKS_DLT =
      Topic.of("payments.callbacks.dlt.v1", DeadLetter.class, Retention.infinite());

  /**
   * What the ledger did with each callback or command; the relay's confirmations. Key: payment id
   * (the journal entry id for entries that belong to no payment). Written only by ledger-svc.
   */
  public static final Topic<LedgerEntryEvent> LEDGER_ENTRIES =
      Topic.of("ledger.entries.v1", LedgerEntryEvent.class, Retention.infinite());

  /** Every posting seen from its account, in sequence. Key: account id. Written by ledger-svc. */
  public static final Topic<CashflowLine> LEDGER_CASHFLOW =
      Topic.of("ledger.cashflow.v1", CashflowLine.class, Retention.infinite());

  /**
   * Ingested bank and provider statement lines. Key: the line's identity, statement id and line id
   * (see {@link StatementLine}).
   */
  public static final Topic<StatementLine> BANK_STATEMENTS =
      Topic.of("bank.statements.v1", StatementLine.class, Retention.infinite());

  /**
   * Reconciliation matches and breaks. Key: payment reference. Kept 400 days (a yearly audit plus
   * margin); derivable again from statements and cashflow.
   */
  public static final Topic<ReconResult> RECON_RESULTS =
      Topic.of("recon.results.v1", ReconResult.class, Retention.of(Duration.ofDays(400)));

  private static final List<Topic<?>> ALL =
      List.of(
          PAYMENT_CALLBACKS,
          PAYMENT_COMMANDS,
          PAYMENT_CALLBACKS_DLT,
          LEDGER_ENTRIES,
          LEDGER_CASHFLOW,
          BANK_STATEMENTS,
          RECON_RESULTS);

  private Topics() {}

  /** All topics, in the order above. */
  public static List<Topic<?>> all() {
    return ALL;
  }

  /** All topics with {@code prefix} before each name (unique names per test); same subjects. */
  public static List<Topic<?>> all(String prefix) {
    return ALL.stream().<Topic<?>>map(topic -> topic.withPrefix(prefix)).toList();
  }

  /** The catalogue topic called {@code name}. */
  public static Optional<Topic<?>> byName(String name) {
    return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
  }
}
