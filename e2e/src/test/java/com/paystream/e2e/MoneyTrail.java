package com.paystream.e2e;

import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.CommandReceived;
import com.paystream.ledger.payments.Decision;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PaymentMessage;
import com.paystream.ledger.payments.PaymentPosition;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.ledger.settlement.ProviderPayout;
import com.paystream.ledger.settlement.ProviderSettlementRules;
import com.paystream.platform.money.FeeSchedule;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.SettlementOrder;
import com.paystream.recon.matching.StatementKind;
import com.paystream.recon.matching.payouts.PayoutLine;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.recon.matching.payouts.PayoutUnit;
import com.paystream.recon.matching.streams.Settlements;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.recon.statements.formats.Camt053Parser;
import com.paystream.recon.statements.formats.ProviderCsvParser;
import com.paystream.schemas.recon.Settlement;
import com.paystream.simulator.BankStatement;
import com.paystream.simulator.Payout;
import com.paystream.simulator.PayoutFaults;
import com.paystream.simulator.PayoutReport;
import com.paystream.simulator.PayoutSchedule;
import com.paystream.simulator.ProviderBooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One provider's money followed from its books to ours, each stage by its own pure logic, with no
 * broker and no database in between:
 *
 * <ol>
 *   <li>the provider simulator's books, payouts and bank statements ({@link ProviderBooks});
 *   <li>reconciliation's ingestion parsers ({@link ProviderCsvParser} for the payout report, {@link
 *       Camt053Parser} for our bank's statement) and its second leg, one {@link PayoutUnit} per
 *       payout, whose {@link SettlementOrder}s become the contract's {@link Settlement} by {@link
 *       Settlements#toAvro};
 *   <li>the ledger's posting rules: {@link PostingRules} for payments and refunds, {@link
 *       ProviderSettlementRules} for each settlement, the postings summed per account here.
 * </ol>
 *
 * <p>Two hops are glue written here because the code that does them in the services is private to a
 * Kafka adapter: a parsed line becomes a {@link PayoutLine} field by field as {@code
 * ArrivalMapper.payout} does with the Avro line in between (provider null: a bank line; the kind by
 * name — the mapper's fallbacks for lines without a kind and for refunds under a bank's transfer
 * code never apply to these lines), and the {@link Settlement} becomes a {@link ProviderPayout}
 * field by field as {@code ProviderSettlementListener} does.
 *
 * <p>Time: the bookings of a date happen during it; its payout report is uploaded at 01:00 the next
 * day and its bank statement ingested at 03:00 (or the other way round), and the deadlines due by
 * the bank statement cutoff (06:00) are then walked, as the matcher's punctuation would.
 */
final class MoneyTrail {

  static final String PROVIDER = "sim";
  static final String MERCHANT = "m-1";
  static final Duration STATEMENT_CUTOFF = Duration.ofHours(6);
  private static final Duration RETENTION = Duration.ofDays(60);

  /** One of our bookings of the provider's money: a payment (positive) or a refund (negative). */
  record Booking(String paymentId, LocalDate date, String currency, long signedMinor) {}

  /** A payout the matcher settled, with what its ledger entry moved per account. */
  record Settled(Payout payout, SettlementOrder order, Map<String, Long> movements) {
    long movement(String account) {
      return movements.getOrDefault(account, 0L);
    }
  }

  private final ProviderBooks provider;
  private final PayoutSchedule schedule;
  private final PayoutRules rules;
  private final PostingRules postingRules =
      new PostingRules(FeePolicy.flat(new FeeSchedule(290, 25)));
  private final ProviderCsvParser reportParser = new ProviderCsvParser();
  private final Camt053Parser bankParser = new Camt053Parser();

  private final Map<String, PaymentPosition> positions = new HashMap<>();
  private final Map<String, Long> balances = new TreeMap<>();
  private final List<Booking> bookings = new ArrayList<>();
  private final Map<String, Payout> payouts = new LinkedHashMap<>();
  private final Map<String, PayoutUnit> units = new TreeMap<>();
  private final Map<String, Settled> settled = new LinkedHashMap<>();
  private final List<ReconEvent> results = new ArrayList<>();
  // payment id → amount: payment lines of settled payouts the books never saw, until supplemented
  private final Map<String, Long> unknownPaid = new TreeMap<>();
  private final Map<String, String> unknownCurrency = new HashMap<>();
  // <payout reference>/<payment id> → the amount of its payment lines in the parsed report
  private final Map<String, Long> reportedPayments = new HashMap<>();
  private int commands;

  MoneyTrail(long seed, PayoutSchedule schedule, PayoutFaults faults, PayoutRules rules) {
    this.provider = new ProviderBooks(PROVIDER, seed);
    this.schedule = schedule;
    this.rules = rules;
    provider.payoutSchedule(schedule);
    provider.payoutFaults(faults);
  }

  /** The second leg's rules as configured by default, with this tolerance and arrival window. */
  static PayoutRules rules(long toleranceMinor, Duration arrivalWindow) {
    PayoutRules defaults = PayoutRules.defaults(ZoneOffset.UTC, STATEMENT_CUTOFF, RETENTION);
    return new PayoutRules(
        toleranceMinor,
        Map.of(),
        arrivalWindow,
        defaults.statementCutoff(),
        defaults.notPaidOutAfter(),
        defaults.unknownLineGrace(),
        defaults.zone(),
        defaults.retention());
  }

  // ---------------------------------------------------------------------------------------------
  // Bookings: at the provider, and in our ledger by its posting rules

  /** A payment succeeds at the provider, and the ledger books its success callback. */
  void pay(LocalDate date, String paymentId, String currency, long amountMinor) {
    provider.payment(date, paymentId, currency, amountMinor);
    CallbackReceived callback =
        new CallbackReceived(
            UUID.nameUUIDFromBytes(("callback:" + paymentId).getBytes(StandardCharsets.UTF_8)),
            paymentId,
            MERCHANT,
            PROVIDER,
            ReportedStatus.SUCCEEDED,
            amountMinor,
            currency,
            meta(date));
    post(callback, Optional.empty());
    bookings.add(new Booking(paymentId, date, currency, amountMinor));
  }

  /** The provider refunds part of a payment, and the ledger books the gateway's refund command. */
  void refund(LocalDate date, String paymentId, long amountMinor) {
    PaymentPosition position = positions.get(paymentId);
    String currency = position.currency().getCurrencyCode();
    provider.refund(date, paymentId, amountMinor);
    commands++;
    CommandReceived refund =
        command(
            paymentId,
            "",
            new CommandReceived.Refund("re_" + commands, amountMinor, currency),
            date);
    post(refund, Optional.of(position));
    bookings.add(new Booking(paymentId, date, currency, -amountMinor));
  }

  /**
   * An operator books the payments of settled payouts that the books never saw (lost orders
   * recovered by a supplement, on the payout line's evidence).
   */
  void supplementUnknownPayments(LocalDate date) {
    for (Map.Entry<String, Long> unknown : Map.copyOf(unknownPaid).entrySet()) {
      String paymentId = unknown.getKey();
      commands++;
      CommandReceived supplement =
          command(
              paymentId,
              "payout line names a payment the books never saw",
              new CommandReceived.Supplement(
                  unknown.getValue(), unknownCurrency.get(paymentId), "payout-line:" + paymentId),
              date);
      post(supplement, Optional.empty());
      unknownPaid.remove(paymentId);
    }
  }

  private CommandReceived command(
      String paymentId, String reason, CommandReceived.Body body, LocalDate date) {
    return new CommandReceived(
        UUID.nameUUIDFromBytes(("command:" + commands).getBytes(StandardCharsets.UTF_8)),
        paymentId,
        MERCHANT,
        PROVIDER,
        "operator-1",
        null,
        reason,
        body,
        meta(date));
  }

  private void post(PaymentMessage message, Optional<PaymentPosition> position) {
    Decision decision = postingRules.decide(message, position);
    if (!(decision instanceof Decision.Post post)) {
      throw new AssertionError("the ledger did not book " + message + ": " + decision);
    }
    apply(post.entry());
    positions.put(post.positionAfter().paymentId().value(), post.positionAfter());
  }

  private static MessageMeta meta(LocalDate date) {
    return new MessageMeta(noon(date), "");
  }

  // ---------------------------------------------------------------------------------------------
  // One day of settlement: the bank statement and the payout report of a date, then the deadlines

  /**
   * The bank statement of {@code date} and its payout report (the report first unless {@code
   * bankFirst}), then the deadlines due by the statement cutoff of the next day.
   */
  void settleDay(LocalDate date, boolean bankFirst) {
    if (bankFirst) {
      bankStatement(date);
      payoutReport(date);
    } else {
      payoutReport(date);
      bankStatement(date);
    }
    long cutoff = at(date.plusDays(1), LocalTime.MIDNIGHT.plus(STATEMENT_CUTOFF));
    for (PayoutUnit unit : List.copyOf(units.values())) {
      if (unit.deadlineMs() != 0 && unit.deadlineMs() <= cutoff) {
        take(unit, unit.expire(cutoff, rules));
      }
    }
  }

  private void payoutReport(LocalDate date) {
    PayoutReport report = provider.payouts(date);
    if (report.isEmpty()) {
      return;
    }
    report.payouts().forEach(payout -> payouts.put(payout.reference(), payout));
    long now = at(date.plusDays(1), LocalTime.of(1, 0));
    List<StatementLineDraft> lines =
        reportParser.parse(report.csv().getBytes(StandardCharsets.UTF_8)).lines();
    for (StatementLineDraft line : lines) {
      if (line.kind() == LineKind.PAYMENT) {
        reportedPayments.merge(
            line.payoutReference() + "/" + line.paymentReference(),
            line.amount().minor(),
            Long::sum);
      }
      accept(line, now);
    }
  }

  private void bankStatement(LocalDate date) {
    BankStatement statement = provider.bankStatement(date);
    if (statement.lines().isEmpty()) {
      return;
    }
    long now = at(date.plusDays(1), LocalTime.of(3, 0));
    List<StatementLineDraft> lines =
        bankParser.parse(statement.camt053().getBytes(StandardCharsets.UTF_8)).lines();
    for (StatementLineDraft line : lines) {
      if (line.payoutReference() == null) {
        throw new AssertionError("a bank line of a payout was not recognised: " + line);
      }
      accept(line, now);
    }
  }

  private void accept(StatementLineDraft draft, long nowMs) {
    PayoutLine line = payoutLine(draft);
    PayoutUnit unit = units.computeIfAbsent(line.payoutReference(), PayoutUnit::empty);
    take(unit, unit.accept(line, nowMs, rules));
  }

  /**
   * As {@code ArrivalMapper.payout} maps the Avro line the ingestion publishes for {@code draft}.
   */
  private static PayoutLine payoutLine(StatementLineDraft draft) {
    boolean named = draft.paymentReference() != null && !draft.paymentReference().isBlank();
    return new PayoutLine(
        draft.payoutReference(),
        named ? draft.paymentReference() : null,
        draft.provider() == null || draft.provider().isBlank(),
        StatementKind.valueOf(draft.kind().name()),
        draft.statementId(),
        draft.lineId(),
        draft.direction(),
        draft.amount(),
        draft.bookingDate(),
        draft.valueDate(),
        draft.provider(),
        "line:" + draft.identity(),
        "");
  }

  /** What the matcher's processor does with a decision: publish, settle, forget. */
  private void take(PayoutUnit unit, com.paystream.recon.matching.Decision decision) {
    results.addAll(decision.events());
    for (SettlementOrder order : decision.settlements()) {
      Settlement settlement = Settlements.toAvro(order, Instant.EPOCH);
      settled.put(
          order.settlementId(),
          new Settled(payouts.get(order.settlementId()), order, book(settlement)));
      noteUnknownPayments(order.settlementId());
    }
    if (decision.forget()) {
      units.remove(unit.reference());
    }
  }

  /** The ledger's provider settlement rule applied to the record, its postings summed here. */
  private Map<String, Long> book(Settlement s) {
    ProviderPayout payout =
        new ProviderPayout(
            s.getSettlementId(),
            s.getProvider(),
            s.getCurrency(),
            s.getBusinessDate(),
            s.getValueDate(),
            s.getBankAmountMinor(),
            s.getPaymentsMinor(),
            s.getRefundsMinor(),
            s.getFeesMinor(),
            s.getChargebacksMinor(),
            s.getToleratedMinor(),
            s.getUnexplainedMinor(),
            s.getLineCount(),
            s.getStatementId(),
            s.getStatementLineId(),
            s.getBreakId());
    ProviderSettlementRules.Decision decision = ProviderSettlementRules.decide(payout);
    if (decision instanceof ProviderSettlementRules.Decision.NoMovement) {
      return Map.of();
    }
    if (!(decision instanceof ProviderSettlementRules.Decision.Book book)) {
      throw new AssertionError("the ledger refused settlement " + s + ": " + decision);
    }
    return apply(book.entry());
  }

  /** The payment lines of a settled payout's report whose payment the books do not know. */
  private void noteUnknownPayments(String reference) {
    Payout payout = payouts.get(reference);
    for (String paymentId : payout.paymentIds()) {
      if (!positions.containsKey(paymentId)) {
        unknownPaid.put(paymentId, reportedAmount(reference, paymentId));
        unknownCurrency.put(paymentId, payout.currency());
      }
    }
  }

  private long reportedAmount(String reference, String paymentId) {
    return reportedPayments.getOrDefault(reference + "/" + paymentId, 0L);
  }

  /** Adds an entry's postings to the balances (debits positive); answers them per account. */
  private Map<String, Long> apply(EntryDraft entry) {
    if (entry.violation().isPresent()) {
      throw new AssertionError("an entry that does not balance: " + entry);
    }
    Map<String, Long> movements = new TreeMap<>();
    for (PostingDraft posting : entry.postings()) {
      long signed =
          posting.side() == com.paystream.ledger.accounts.Side.DEBIT
              ? posting.amountMinor()
              : -posting.amountMinor();
      movements.merge(posting.account().code(), signed, Long::sum);
      balances.merge(posting.account().code(), signed, Long::sum);
    }
    return movements;
  }

  private static Instant noon(LocalDate date) {
    return date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
  }

  private static long at(LocalDate date, LocalTime time) {
    return date.atTime(time).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  // ---------------------------------------------------------------------------------------------
  // What the checks read

  PayoutSchedule schedule() {
    return schedule;
  }

  PayoutRules rules() {
    return rules;
  }

  String payoutReference(String currency, LocalDate businessDate) {
    return provider.payoutReference(currency, businessDate);
  }

  /** Debits minus credits of an account; 0 for an account never posted to. */
  long balance(String account) {
    return balances.getOrDefault(account, 0L);
  }

  Map<String, Long> balances() {
    return Map.copyOf(balances);
  }

  List<Booking> bookings() {
    return List.copyOf(bookings);
  }

  /** The payouts whose report was uploaded, by reference. */
  Map<String, Payout> payouts() {
    return Map.copyOf(payouts);
  }

  Map<String, Settled> settled() {
    return Map.copyOf(settled);
  }

  /** The results the matcher published about a payout, in order. */
  List<ReconEvent> results(String reference) {
    return results.stream().filter(event -> event.reference().equals(reference)).toList();
  }

  /** Payment lines of settled payouts the books never saw (and no supplement booked since). */
  Map<String, Long> unknownPaid() {
    return Map.copyOf(unknownPaid);
  }

  String unknownCurrency(String paymentId) {
    return unknownCurrency.get(paymentId);
  }
}
