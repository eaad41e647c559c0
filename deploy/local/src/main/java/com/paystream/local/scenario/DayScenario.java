package com.paystream.local.scenario;

import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.WebhookFaults;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A business day of payments against the running suite, the way it happens in production and with
 * what goes wrong there, one phase after the other:
 *
 * <ol>
 *   <li><b>trading</b> ({@link Trading}): customers pay the merchants' payments at the provider
 *       (some fail); the provider's webhooks are dropped, duplicated, delayed and reordered as the
 *       settings say;
 *   <li><b>booking</b> ({@link Booking}): every callback that reached the gateway is booked by the
 *       ledger;
 *   <li><b>refunds</b> ({@link Refunds}): merchants refund some payments through the payments API;
 *   <li><b>statement</b> ({@link StatementUpload}): the provider's statement of the day is ingested
 *       by reconciliation;
 *   <li><b>lost orders</b> ({@link LostOrders}): reconciliation flags the payments the provider
 *       took but the books never saw, the gateway's status query recovers them, the ledger books
 *       them, the breaks close;
 *   <li><b>amendment</b> ({@link Amendment}): an operator corrects the payment the provider
 *       captured with a tip;
 *   <li><b>checking</b> ({@link Checking}): every payment is booked exactly as often as it should
 *       be;
 *   <li><b>settlement</b> ({@link Settlement}): the provider pays out (one payout short),
 *       reconciliation matches its payout reports to our bank's statement, the ledger books the
 *       payouts, provider clearing returns to zero and the shortfall waits in suspense as a break;
 *   <li><b>day close</b> ({@link DayClose}): the ledger closes the business date, with its trial
 *       balance.
 * </ol>
 *
 * Every request rides out a service restart ({@link ServiceApi}), so killing a service while this
 * runs changes nothing in the outcome.
 */
public final class DayScenario {

  /**
   * Where the services listen: the base URLs of every instance of each. The phases address a
   * service by its first instance's URL; {@link ServiceApi} spreads the requests over all of them.
   */
  public record Services(
      List<String> gateways,
      List<String> relays,
      List<String> ledgers,
      List<String> reconciliations) {

    public Services {
      gateways = nonEmpty(gateways, "gateway");
      relays = nonEmpty(relays, "relay");
      ledgers = nonEmpty(ledgers, "ledger");
      reconciliations = nonEmpty(reconciliations, "reconciliation");
    }

    /** One instance of each service. */
    public Services(String gateway, String relay, String ledger, String reconciliation) {
      this(List.of(gateway), List.of(relay), List.of(ledger), List.of(reconciliation));
    }

    public String gateway() {
      return gateways.get(0);
    }

    public String relay() {
      return relays.get(0);
    }

    public String ledger() {
      return ledgers.get(0);
    }

    public String reconciliation() {
      return reconciliations.get(0);
    }

    /** Every service's instances, in the order above. */
    public List<List<String>> all() {
      return List.of(gateways, relays, ledgers, reconciliations);
    }

    private static List<String> nonEmpty(List<String> urls, String service) {
      if (urls.isEmpty()) {
        throw new IllegalArgumentException("no instance of the " + service);
      }
      return List.copyOf(urls);
    }
  }

  private final Services services;
  private final ProviderSimulator provider;
  private final ScenarioSettings settings;
  private final Progress progress;
  private final Disturbance disturbance;

  public DayScenario(
      Services services,
      ProviderSimulator provider,
      ScenarioSettings settings,
      PrintStream out,
      boolean terminal) {
    this(services, provider, settings, out, terminal, Disturbance.NONE);
  }

  /**
   * A day during which {@code disturbance} happens: it starts with trading, and the phases after
   * the webhooks wait until it is over.
   */
  public DayScenario(
      Services services,
      ProviderSimulator provider,
      ScenarioSettings settings,
      PrintStream out,
      boolean terminal,
      Disturbance disturbance) {
    this.services = services;
    this.provider = provider;
    this.settings = settings;
    this.progress = new Progress(out, terminal);
    this.disturbance = disturbance;
  }

  /** Runs the day and says how it went; throws {@link ScenarioFailure} when it cannot go on. */
  public DaySummary run() {
    Instant start = Instant.now();
    DayPlan plan = DayPlan.of(settings);
    String runId = Long.toString(start.toEpochMilli(), 36);
    double halfDelay = settings.delayRate() / 2;
    provider.faults(
        new WebhookFaults(
            settings.dropRate(),
            settings.duplicateRate(),
            halfDelay,
            halfDelay,
            ScenarioSettings.MAX_DELAY));
    Workers workers = new Workers(settings.concurrency());
    ScenarioRun run =
        new ScenarioRun(services, provider, settings, new ServiceApi(services), progress, workers);
    try (progress) {
      Trading trading = new Trading(run);
      disturbance.start();
      trading.trade(plan, runId);
      if (disturbance != Disturbance.NONE) {
        progress.phase("chaos", () -> "trading over; waiting until everything killed is back");
        disturbance.awaitOver();
        progress.done("every fault recovered from, or given up on (see the timeline)");
      }
      trading.awaitWebhooks();
      Set<String> unannounced = Set.copyOf(provider.unannounced());
      Booking booking = new Booking(run);
      booking.awaitBooked(plan, unannounced);
      int refunds = new Refunds(run).refund(plan, unannounced);
      StatementUpload.Uploaded statement = new StatementUpload(run).ingest(start);
      List<LocalDate> statementDates = statement.dates();
      LostOrders lostOrders = new LostOrders(run);
      List<String> lost = lostOrders.of(plan, unannounced);
      lostOrders.awaitRecovered(lost);
      String amended = new Amendment(run).amend(plan);
      List<String> problems = new Checking(run).check(plan);
      LostOrders.Recovery recovery = lostOrders.recovery(lost, statement);
      SettlementSummary settlement = new Settlement(run, runId).settle(statementDates);
      long openBreaks = new ReconReports(run).openBreaks(statementDates);
      List<TrialBalanceLine> trialBalance = new DayClose(run).closeDays(settlement.entryDates());
      JournalCheck journal =
          JournalCheck.of(
              run, trialBalance.stream().map(TrialBalanceLine::businessDate).distinct().toList());
      return new DaySummary(
          settings,
          Duration.between(start, Instant.now()),
          plan.sales().size(),
          plan.succeeded().size(),
          provider.stats(),
          provider.webhooksSent(),
          refunds,
          run.books().countBookedOnce(run.refunded(), "REFUND"),
          amended,
          lost.size(),
          recovery.detected(),
          recovery.recovered(),
          openBreaks,
          recovery.unmatchedLines(),
          problems,
          settlement,
          trialBalance,
          booking.latencies(plan, unannounced),
          statementDates,
          journal,
          new DaySummary.Examples(
              lost.isEmpty() ? null : lost.get(0),
              amended,
              run.refunded().stream().sorted().findFirst().orElse(null)),
          provider.acknowledgedBy(),
          disturbance.report());
    } finally {
      provider.faults(WebhookFaults.NONE);
      workers.close();
    }
  }
}
