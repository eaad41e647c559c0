package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.clearing.ClearingMove;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.matching.payouts.PayoutLine;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.tracing.Traces;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The matching topology:
 *
 * <pre>
 *  ledger.cashflow.v1 ─ clearing lines with a payment ─ key by payment id ─┐ repartition
 *  bank.statements.v1 ─ referenced lines, credits ──── key by reference ───┤ (same count)
 *  recon.resolutions.v1 ─ manual resolutions ───────── key by reference ───┘
 *                 └── merge ── matcher [units, deadlines, results-by-date, open-breaks,
 *                                        matched-totals]
 *                                 └── recon.results.v1 (key: payment reference)
 *
 *  bank.statements.v1 ─ lines naming a payout ─ key by payout reference ──┐ repartition
 *  recon.resolutions.v1 ─ of payout breaks ─── key by payout reference ──┘
 *                 └── merge ── payout matcher (leg A) [payout-units, payout-deadlines, ...]
 *                                 ├── recon.settlements.v1 (key: payout reference), once each
 *                                 └── recon.results.v1 (key: payout reference)
 *
 *  (clearing lines, re-partitioned above) ─────────────────────────────────┐
 *  bank.statements.v1 ─ payout lines naming a payment ─ key by payment ────┤ repartition
 *  recon.resolutions.v1 ─ of paid-out breaks ───────── key by payment ─────┘
 *                 └── merge ── paid-out matcher (leg B) [paid-out-units, ...]
 *                                 └── recon.results.v1 (key: payment reference)
 *
 *  ledger.cashflow.v1 ─ every provider-clearing line ─ its balance ─ key by currency ─┐
 *  (leg A's awaiting shares and leg B's unpaid shares, keyed by currency) ────────────┤ repartition
 *                 └── clearing check [clearing-checks]: balance = unpaid + awaiting, per currency
 *
 *  payments.callbacks.v1 ─ SUCCEEDED ──────────────┐ (keyed by payment id already)
 *  ledger.entries.v1 ─ POSTED payment entries ─────┤
 *  recon.resolutions.v1 ─ of internal breaks ──────┘ repartition by payment id
 *                 └── merge ── internal [internal-units, internal-deadlines, ...]
 *                                 └── recon.results.v1 (key: payment id)
 * </pre>
 *
 * <p>The internal part reads the callbacks and entries without re-partitioning them: the catalogue
 * keys both by payment id over the same partition count, so a payment's records already meet in one
 * task.
 *
 * <p>All three inputs are re-partitioned by payment reference into the same number of partitions,
 * so one task owns everything about a reference. Records that cannot be decoded or processed go to
 * the dead-letter topic (see the handlers).
 */
public final class MatchingTopology {

  /**
   * @param serdeConfig the Kafka-style config the Avro serdes read (registry URL)
   * @param partitions partitions of the re-keyed topics, the parallelism of the matcher
   */
  public record Settings(
      ReconTopics topics,
      MatchRules rules,
      InternalRules internalRules,
      PayoutRules payoutRules,
      Duration punctuateInterval,
      int maxExpiriesPerRun,
      int partitions,
      Map<String, ?> serdeConfig) {

    public Settings {
      Objects.requireNonNull(topics, "topics");
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(internalRules, "internalRules");
      Objects.requireNonNull(payoutRules, "payoutRules");
      Objects.requireNonNull(punctuateInterval, "punctuateInterval");
      serdeConfig = Map.copyOf(serdeConfig);
    }

    /** Settings with the second leg's default rules (a tool, a benchmark, first-leg tests). */
    public Settings(
        ReconTopics topics,
        MatchRules rules,
        InternalRules internalRules,
        Duration punctuateInterval,
        int maxExpiriesPerRun,
        int partitions,
        Map<String, ?> serdeConfig) {
      this(
          topics,
          rules,
          internalRules,
          PayoutRules.defaults(rules.zone(), rules.statementCutoff(), rules.matchedRetention()),
          punctuateInterval,
          maxExpiriesPerRun,
          partitions,
          serdeConfig);
    }
  }

  private MatchingTopology() {}

  private static Repartitioned<String, Inbound> byReference(String name, Settings settings) {
    return Repartitioned.with(Serdes.String(), InboundCodec.SERDE)
        .withName(name)
        .withNumberOfPartitions(settings.partitions());
  }

  /** The topology without tracing (a tool, a benchmark). */
  public static Topology build(Settings settings) {
    return build(settings, new Traces(Tracer.NOOP));
  }

  /**
   * The topology whose matchers continue each record's trace with {@code traces} (see {@link
   * UnitProcessor}).
   */
  public static Topology build(Settings settings, Traces traces) {
    ReconTopics topics = settings.topics();
    Serde<String> keys = Serdes.String();
    Serde<StatementLine> statementSerde = topics.statements().valueSerde(settings.serdeConfig());
    Serde<CashflowLine> cashflowSerde = topics.cashflow().valueSerde(settings.serdeConfig());
    Serde<ReconResult> resultSerde = topics.results().valueSerde(settings.serdeConfig());
    Serde<ReconResult> resolutionSerde =
        topics.manualResolutions().valueSerde(settings.serdeConfig());

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(ReconStores.units());
    builder.addStateStore(ReconStores.deadlines());
    builder.addStateStore(ReconStores.resultsByDate());
    builder.addStateStore(ReconStores.openBreaks());
    builder.addStateStore(ReconStores.matchedTotals());

    // Each input is decoded from Avro and validated once, at its source (a record that cannot be
    // matched is dead-lettered there, with its original bytes), then re-keyed by payment
    // reference and re-partitioned in the compact internal form.
    KStream<String, StatementLine> lines =
        builder.stream(
            topics.statements().name(),
            Consumed.with(keys, statementSerde).withName("statement-lines"));
    KStream<String, Inbound> statements =
        lines
            .filter((key, line) -> ArrivalMapper.matchable(line), Named.as("matchable-statements"))
            .map(
                (key, line) -> {
                  var arrival = ArrivalMapper.statement(line);
                  return KeyValue.pair(arrival.reference(), (Inbound) new Inbound.Line(arrival));
                },
                Named.as("statement-arrivals"))
            .repartition(byReference("statements-by-reference", settings));

    KStream<String, CashflowLine> cashflowLines =
        builder.stream(
            topics.cashflow().name(),
            Consumed.with(keys, cashflowSerde).withName("cashflow-lines"));
    KStream<String, Inbound> cashflow =
        cashflowLines
            .filter((key, line) -> ArrivalMapper.matchable(line), Named.as("clearing-lines"))
            .map(
                (key, line) -> {
                  var arrival = ArrivalMapper.ledger(line);
                  return KeyValue.pair(arrival.reference(), (Inbound) new Inbound.Line(arrival));
                },
                Named.as("ledger-arrivals"))
            .repartition(byReference("cashflow-by-reference", settings));

    KStream<String, ReconResult> allResolutions =
        builder.stream(
            topics.manualResolutions().name(),
            Consumed.with(keys, resolutionSerde).withName("manual-resolutions"));
    KStream<String, Inbound> resolutions =
        allResolutions
            .filter(
                (key, result) -> routedTo(result, ArrivalMapper.Matcher.FIRST_LEG),
                Named.as("present-resolutions"))
            .map(
                (key, result) -> {
                  var resolution = ArrivalMapper.resolution(result);
                  return KeyValue.pair(
                      resolution.reference(), (Inbound) new Inbound.Resolution(resolution));
                },
                Named.as("resolution-commands"))
            .repartition(byReference("resolutions-by-reference", settings));

    statements
        .merge(cashflow, Named.as("merge-sides"))
        .merge(resolutions, Named.as("merge-resolutions"))
        .process(
            () ->
                new MatchProcessor(
                    settings.rules(),
                    settings.punctuateInterval(),
                    settings.maxExpiriesPerRun(),
                    traces),
            Named.as("matcher"),
            ReconStores.UNITS,
            ReconStores.DEADLINES,
            ReconStores.RESULTS_BY_DATE,
            ReconStores.OPEN_BREAKS,
            ReconStores.MATCHED_TOTALS)
        .to(topics.results().name(), Produced.with(keys, resultSerde).withName("results"));

    KStream<String, ClearingMove> balances =
        cashflowLines
            .filter((key, line) -> ArrivalMapper.onClearing(line), Named.as("clearing-balances"))
            .map(
                (key, line) -> {
                  ClearingMove move = ArrivalMapper.balance(line);
                  return KeyValue.pair(move.currency(), move);
                },
                Named.as("balance-moves"));
    addSecondLeg(builder, settings, lines, cashflow, balances, allResolutions, traces);
    addInternal(builder, settings, allResolutions, traces);
    return builder.build();
  }

  private static boolean routedTo(ReconResult result, ArrivalMapper.Matcher matcher) {
    return result != null && ArrivalMapper.matcherOf(result) == matcher;
  }

  /** The operator resolutions of one matcher's breaks, re-partitioned by their unit key. */
  private static KStream<String, Inbound> resolutionsOf(
      KStream<String, ReconResult> allResolutions,
      ArrivalMapper.Matcher matcher,
      String name,
      Settings settings) {
    return allResolutions
        .filter((key, result) -> routedTo(result, matcher), Named.as(name + "-resolutions"))
        .map(
            (key, result) -> {
              var resolution = ArrivalMapper.resolution(result);
              return KeyValue.pair(
                  resolution.reference(), (Inbound) new Inbound.Resolution(resolution));
            },
            Named.as(name + "-resolution-commands"))
        .repartition(byReference(name + "-resolutions-by-reference", settings));
  }

  /**
   * The second leg: lines naming a payout, never seen by the first leg. Leg A settles each payout
   * against the bank (results and settlements out); leg B compares the payout lines naming a
   * payment with the ledger's clearing lines of it (the first leg's re-partitioned stream, so it
   * runs in the first leg's sub-topology).
   */
  private static void addSecondLeg(
      StreamsBuilder builder,
      Settings settings,
      KStream<String, StatementLine> lines,
      KStream<String, Inbound> cashflow,
      KStream<String, ClearingMove> balances,
      KStream<String, ReconResult> allResolutions,
      Traces traces) {
    ReconTopics topics = settings.topics();
    Serde<String> keys = Serdes.String();
    Serde<ReconResult> resultSerde = topics.results().valueSerde(settings.serdeConfig());
    Serde<Settlement> settlementSerde = topics.settlements().valueSerde(settings.serdeConfig());
    ReconStores.payoutStores().forEach(builder::addStateStore);
    ReconStores.paidOutStores().forEach(builder::addStateStore);

    KStream<String, PayoutLine> payoutLines =
        lines
            .filter((key, line) -> ArrivalMapper.secondLeg(line), Named.as("payout-lines"))
            .mapValues(ArrivalMapper::payout, Named.as("payout-arrivals"));

    KStream<String, Inbound> byPayout =
        payoutLines
            .map(
                (key, line) ->
                    KeyValue.pair(line.payoutReference(), (Inbound) new Inbound.Payout(line)),
                Named.as("key-by-payout"))
            .repartition(byReference("payout-lines-by-payout", settings));
    KStream<String, Object> payoutOut =
        byPayout
            .merge(
                resolutionsOf(allResolutions, ArrivalMapper.Matcher.PAYOUTS, "payout", settings),
                Named.as("merge-payout-resolutions"))
            .process(
                () ->
                    new PayoutProcessor(
                        settings.payoutRules(),
                        settings.punctuateInterval(),
                        settings.maxExpiriesPerRun(),
                        traces),
                Named.as("payout-matcher"),
                ReconStores.PAYOUT_UNITS,
                ReconStores.PAYOUT_DEADLINES,
                ReconStores.PAYOUT_RESULTS_BY_DATE,
                ReconStores.PAYOUT_OPEN_BREAKS,
                ReconStores.PAYOUT_TOTALS);
    payoutOut
        .filter((key, value) -> value instanceof Settlement, Named.as("settlements-only"))
        .mapValues(value -> (Settlement) value, Named.as("as-settlements"))
        .to(
            topics.settlements().name(),
            Produced.with(keys, settlementSerde).withName("settlements"));
    payoutOut
        .filter((key, value) -> value instanceof ReconResult, Named.as("payout-results-only"))
        .mapValues(value -> (ReconResult) value, Named.as("as-payout-results"))
        .to(topics.results().name(), Produced.with(keys, resultSerde).withName("payout-results"));

    KStream<String, Inbound> byPayment =
        payoutLines
            .filter((key, line) -> line.namesPayment(), Named.as("payout-lines-naming-payments"))
            .map(
                (key, line) ->
                    KeyValue.pair(line.paymentReference(), (Inbound) new Inbound.Payout(line)),
                Named.as("key-by-payment"))
            .repartition(byReference("payout-lines-by-payment", settings));
    KStream<String, Object> paidOutOut =
        cashflow
            .merge(byPayment, Named.as("merge-paid-out-sides"))
            .merge(
                resolutionsOf(allResolutions, ArrivalMapper.Matcher.PAID_OUT, "paid-out", settings),
                Named.as("merge-paid-out-resolutions"))
            .process(
                () ->
                    new PaidOutProcessor(
                        settings.payoutRules(),
                        settings.punctuateInterval(),
                        settings.maxExpiriesPerRun(),
                        traces),
                Named.as("paid-out-matcher"),
                ReconStores.PAID_OUT_UNITS,
                ReconStores.PAID_OUT_DEADLINES,
                ReconStores.PAID_OUT_RESULTS_BY_DATE,
                ReconStores.PAID_OUT_OPEN_BREAKS,
                ReconStores.PAID_OUT_TOTALS);
    paidOutOut
        .filter((key, value) -> value instanceof ReconResult, Named.as("paid-out-results-only"))
        .mapValues(value -> (ReconResult) value, Named.as("as-paid-out-results"))
        .to(topics.results().name(), Produced.with(keys, resultSerde).withName("paid-out-results"));

    builder.addStateStore(ReconStores.clearingChecks());
    balances
        .merge(clearingMoves(payoutOut, "awaiting"), Named.as("merge-awaiting-moves"))
        .merge(clearingMoves(paidOutOut, "unpaid"), Named.as("merge-unpaid-moves"))
        .repartition(
            Repartitioned.with(Serdes.String(), ReconStores.CLEARING_MOVE_SERDE)
                .withName("clearing-moves-by-currency")
                .withNumberOfPartitions(settings.partitions()))
        .process(ClearingProcessor::new, Named.as("clearing-check"), ReconStores.CLEARING_CHECKS);
  }

  /** The clearing moves among a matcher's output (already keyed by currency). */
  private static KStream<String, ClearingMove> clearingMoves(
      KStream<String, Object> out, String name) {
    return out.filter((key, value) -> value instanceof ClearingMove, Named.as(name + "-moves-only"))
        .mapValues(value -> (ClearingMove) value, Named.as("as-" + name + "-moves"));
  }

  /** Succeeded callbacks against posted payment entries, per payment id. */
  private static void addInternal(
      StreamsBuilder builder,
      Settings settings,
      KStream<String, ReconResult> allResolutions,
      Traces traces) {
    ReconTopics topics = settings.topics();
    Serde<String> keys = Serdes.String();
    Serde<PaymentCallback> callbackSerde = topics.callbacks().valueSerde(settings.serdeConfig());
    Serde<LedgerEntryEvent> entrySerde = topics.entries().valueSerde(settings.serdeConfig());
    Serde<ReconResult> resultSerde = topics.results().valueSerde(settings.serdeConfig());
    builder.addStateStore(ReconStores.internalUnits());
    builder.addStateStore(ReconStores.internalDeadlines());
    builder.addStateStore(ReconStores.internalResultsByDate());
    builder.addStateStore(ReconStores.internalOpenBreaks());
    builder.addStateStore(ReconStores.bookedTotals());

    var zone = settings.rules().zone();
    KStream<String, InternalInbound> callbacks =
        builder.stream(
                topics.callbacks().name(),
                Consumed.with(keys, callbackSerde).withName("payment-callbacks"))
            .filter((key, cb) -> InternalMapper.relevant(cb), Named.as("succeeded-callbacks"))
            .mapValues(
                cb ->
                    (InternalInbound)
                        new InternalInbound.Arrival(InternalMapper.callback(cb, zone)),
                Named.as("callback-arrivals"));
    KStream<String, InternalInbound> entries =
        builder.stream(
                topics.entries().name(), Consumed.with(keys, entrySerde).withName("ledger-entries"))
            .filter((key, e) -> InternalMapper.relevant(e), Named.as("payment-entries"))
            .mapValues(
                e -> (InternalInbound) new InternalInbound.Arrival(InternalMapper.entry(e)),
                Named.as("entry-arrivals"));
    KStream<String, InternalInbound> resolutions =
        allResolutions
            .filter(
                (key, result) -> routedTo(result, ArrivalMapper.Matcher.INTERNAL),
                Named.as("internal-resolutions"))
            .map(
                (key, result) -> {
                  var resolution = ArrivalMapper.resolution(result);
                  return KeyValue.pair(
                      resolution.reference(), (Inbound) new Inbound.Resolution(resolution));
                },
                Named.as("internal-resolution-commands"))
            .repartition(byReference("internal-resolutions-by-payment", settings))
            .mapValues(
                in ->
                    (InternalInbound)
                        new InternalInbound.Resolution(((Inbound.Resolution) in).resolution()),
                Named.as("internal-resolution-inbound"));

    callbacks
        .merge(entries, Named.as("merge-internal-sides"))
        .merge(resolutions, Named.as("merge-internal-resolutions"))
        .process(
            () ->
                new InternalProcessor(
                    settings.internalRules(),
                    settings.punctuateInterval(),
                    settings.maxExpiriesPerRun(),
                    traces),
            Named.as("internal-matcher"),
            ReconStores.INTERNAL_UNITS,
            ReconStores.INTERNAL_DEADLINES,
            ReconStores.INTERNAL_RESULTS_BY_DATE,
            ReconStores.INTERNAL_OPEN_BREAKS,
            ReconStores.BOOKED_TOTALS)
        .to(topics.results().name(), Produced.with(keys, resultSerde).withName("internal-results"));
  }
}
