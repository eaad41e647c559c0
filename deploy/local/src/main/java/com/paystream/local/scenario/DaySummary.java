package com.paystream.local.scenario;

import com.paystream.local.demo.DemoProvider;
import com.paystream.simulator.WebhookStats;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How the day went, and whether the books prove that nothing was lost or applied twice.
 *
 * @param deliveries webhook HTTP deliveries the gateway answered (duplicates and retries included)
 * @param refunds refunds the merchants made; {@code refundsBooked} of them the ledger booked once
 * @param amended the payment the operator amended, or null
 * @param lostOrders succeeded payments whose webhook never reached the gateway
 * @param lostOrdersDetected lost-order breaks reconciliation reported on the statement dates
 * @param lostOrdersRecovered lost orders booked once, shown succeeded, their break closed
 * @param openBreaks break legs of the statement dates still open after the settlement (the payout
 *     breaks among them)
 * @param unmatchedLines lines of the provider's statement reconciliation could not explain at all
 *     ({@code UNMATCHED_LINE})
 * @param problems payments not booked exactly as they should be, one line each
 * @param settlement the provider's payouts, matched by reconciliation and booked by the ledger, and
 *     the clearing and suspense balances after them
 * @param latencies from the gateway's acknowledgement of a webhook to the journal entry
 * @param journal the ledger's verification of its hash-chained journal and the closed days' seals
 * @param webhooksPerGateway per gateway instance's webhook URL, the deliveries it acknowledged
 * @param disruption the faults of a chaos day and what recovering from them cost; empty otherwise
 */
public record DaySummary(
    ScenarioSettings settings,
    Duration took,
    int payments,
    int succeeded,
    WebhookStats webhooks,
    int deliveries,
    int refunds,
    int refundsBooked,
    String amended,
    int lostOrders,
    long lostOrdersDetected,
    int lostOrdersRecovered,
    long openBreaks,
    long unmatchedLines,
    List<String> problems,
    SettlementSummary settlement,
    List<TrialBalanceLine> trialBalance,
    List<Duration> latencies,
    List<LocalDate> statementDates,
    JournalCheck journal,
    Examples examples,
    java.util.Map<String, Long> webhooksPerGateway,
    java.util.Optional<DisruptionReport> disruption) {

  private static final int MAX_PROBLEMS_SHOWN = 20;

  /** Payments worth looking at afterwards; any may be null. */
  public record Examples(String recoveredLostOrder, String amended, String refunded) {}

  public DaySummary {
    problems = List.copyOf(problems);
    trialBalance = List.copyOf(trialBalance);
    latencies = latencies.stream().sorted().toList();
    statementDates = List.copyOf(statementDates);
    webhooksPerGateway =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(webhooksPerGateway));
  }

  /**
   * The books balance in every currency, no lost order is left, every payment booked right, every
   * payout matched or a break and booked, provider clearing back to zero.
   */
  public boolean passed() {
    return balanced()
        && lostOrdersRecovered == lostOrders
        && problems.isEmpty()
        && refundsBooked == refunds
        && settlement.failures(closedDates()).isEmpty()
        && journalSealed()
        && disruption.map(DisruptionReport::complete).orElse(true);
  }

  /** The journal verified and every closed date sealed. */
  public boolean journalSealed() {
    return journal.sealed(closedDates());
  }

  /** The dates the ledger closed, with their trial balances. */
  private List<LocalDate> closedDates() {
    return trialBalance.stream().map(TrialBalanceLine::businessDate).distinct().toList();
  }

  public boolean balanced() {
    return !trialBalance.isEmpty()
        && trialBalance.stream().allMatch(line -> line.imbalanceMinor() == 0);
  }

  /** The latency at quantile {@code q} (0..1), nearest rank; zero without samples. */
  public Duration latency(double q) {
    if (latencies.isEmpty()) {
      return Duration.ZERO;
    }
    int rank = (int) Math.ceil(q * latencies.size());
    return latencies.get(Math.max(0, Math.min(latencies.size(), rank) - 1));
  }

  /** The summary table. */
  public String render() {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        row(
            "payments",
            payments,
            (payments - succeeded)
                + " failed at the provider, "
                + DemoProvider.MERCHANTS.size()
                + " merchants, "
                + String.join("/", DayPlan.CURRENCIES)));
    rows.add(
        row(
            "callbacks received",
            webhooks.delivered(),
            "of "
                + webhooks.settlements()
                + " webhooks, in "
                + deliveries
                + " deliveries; "
                + webhooks.delayed()
                + " delayed, "
                + webhooks.reordered()
                + " out of order, "
                + webhooks.retries()
                + " retried"));
    rows.add(
        row(
            "callbacks duplicated",
            webhooks.duplicatesSent(),
            "sent twice; stored and booked once"));
    rows.add(
        row(
            "callbacks dropped",
            webhooks.dropped() + webhooks.undelivered(),
            webhooks.dropped()
                + " never sent, "
                + webhooks.undelivered()
                + " undelivered after retries; "
                + lostOrders
                + " of them for money taken"));
    rows.add(
        row(
            "lost orders detected",
            lostOrdersDetected,
            "LOST_ORDER from the provider statement of " + statementDates));
    rows.add(
        row(
            "lost orders recovered",
            lostOrdersRecovered + "/" + lostOrders,
            "status query at the provider, booked once, break closed"));
    rows.add(row("refunds booked", refundsBooked + "/" + refunds, "through the payments API"));
    rows.add(
        row(
            "amendment approved",
            amended == null ? "-" : "1/1",
            amended == null
                ? ""
                : "four eyes; "
                    + amended
                    + " takes the captured amount the ledger booked (no entry)"));
    rows.add(
        row(
            "booked exactly once",
            (payments - problems.size()) + "/" + payments,
            "every succeeded payment once, every failed one never"));
    rows.addAll(settlement.rows(closedDates()));
    rows.add(
        row(
            "breaks open",
            openBreaks,
            "on the statement dates: "
                + settlement.breaks().size()
                + (settlement.breaks().size() == 1 ? " payout break, " : " payout breaks, ")
                + unmatchedLines
                + " unmatched statement lines"));
    for (TrialBalanceLine line : trialBalance) {
      rows.add(
          row(
              "trial balance " + line.currency(),
              line.imbalanceMinor(),
              "sum of all accounts on "
                  + line.businessDate()
                  + " (closed): debit balances "
                  + line.debitBalancesMinor()
                  + ", credit balances "
                  + line.creditBalancesMinor()));
    }
    rows.add(
        row(
            "journal verified",
            journal.valid() ? "valid" : "BROKEN",
            journal.valid()
                ? journal.entries()
                    + " entries in "
                    + journal.chains()
                    + " chains, hashes and seals recomputed"
                : journal.broken()));
    for (JournalCheck.Seal seal : journal.seals()) {
      rows.add(
          row(
              "day seal " + seal.date(),
              seal.hash().isEmpty()
                  ? "none"
                  : seal.hash().substring(0, Math.min(12, seal.hash().length())),
              "SHA-256 over the chain heads, signed " + seal.keyId()));
    }
    rows.add(
        row(
            "callback → entry",
            "p50 " + latency(0.5).toMillis() + " ms",
            "p99 " + latency(0.99).toMillis() + " ms over " + latencies.size() + " callbacks"));
    if (webhooksPerGateway.size() > 1) {
      rows.add(
          row(
              "webhooks per gateway",
              webhooksPerGateway.values().stream()
                  .map(String::valueOf)
                  .collect(java.util.stream.Collectors.joining(" / ")),
              "acknowledged by "
                  + webhooksPerGateway.keySet().stream()
                      .map(DaySummary::authority)
                      .collect(java.util.stream.Collectors.joining(" / "))
                  + " (round robin; a refused connection goes to the next)"));
    }
    disruption.ifPresent(report -> rows.addAll(chaosRows(report)));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%nThe day: seed %d, %d payments, faults %.0f%% dropped / %.0f%% duplicated /"
                + " %.0f%% delayed or reordered, %d s%n%n",
            settings.seed(),
            payments,
            settings.dropRate() * 100,
            settings.duplicateRate() * 100,
            settings.delayRate() * 100,
            took.toSeconds()));
    for (String[] row : rows) {
      out.append(String.format("  %-22s %12s   %s%n", row[0], row[1], row[2]));
    }
    if (!problems.isEmpty()) {
      out.append("\nNot booked as they should be:\n");
      problems.stream()
          .limit(MAX_PROBLEMS_SHOWN)
          .forEach(problem -> out.append("  ").append(problem).append('\n'));
      if (problems.size() > MAX_PROBLEMS_SHOWN) {
        out.append("  … and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more\n");
      }
    }
    out.append('\n')
        .append(
            passed()
                ? "PASSED: the books balance, every lost order was recovered and every payout"
                    + " settled."
                : "FAILED: " + String.join("; ", failures()) + ".")
        .append('\n');
    return out.toString();
  }

  private List<String> failures() {
    List<String> failures = new ArrayList<>();
    if (!balanced()) {
      failures.add(trialBalance.isEmpty() ? "no trial balance" : "the books do not balance");
    }
    if (lostOrdersRecovered != lostOrders) {
      failures.add((lostOrders - lostOrdersRecovered) + " lost orders not recovered");
    }
    if (!problems.isEmpty()) {
      failures.add(problems.size() + " payments not booked as they should be");
    }
    if (!journalSealed()) {
      failures.add(journal.valid() ? "a closed day is not sealed" : "the journal is broken");
    }
    if (refundsBooked != refunds) {
      failures.add((refunds - refundsBooked) + " refunds not booked");
    }
    failures.addAll(settlement.failures(closedDates()));
    disruption
        .filter(report -> !report.complete())
        .ifPresent(report -> failures.add("chaos: " + String.join("; ", report.problems())));
    return failures;
  }

  /** Per fault, what recovering cost; then the relay's takeover. */
  private static List<String[]> chaosRows(DisruptionReport report) {
    List<String[]> rows = new ArrayList<>();
    for (DisruptionReport.Fault fault : report.faults()) {
      rows.add(
          row(
              "recovery +" + fault.at().toSeconds() + " s",
              fault.recoveredAfter().map(DaySummary::seconds).orElse("never"),
              fault.what()
                  + ": backlog "
                  + fault.backlogBefore()
                  + " before, peak "
                  + fault.backlogPeak()
                  + (fault.note().isEmpty() ? "" : "; " + fault.note())));
    }
    rows.add(
        row(
            "relay takeover",
            report.relayTakeover().map(DaySummary::seconds).orElse("-"),
            "from the relay leader's kill -9 to the other instance's first publication"));
    rows.add(row("backlog", "", report.backlog()));
    return rows;
  }

  private static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static String authority(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** curl commands into what the day left behind. */
  public String explore(DayScenario.Services services) {
    StringBuilder out =
        new StringBuilder(
            "\nLook around (paste into bash; $AUDITOR reads everything, changes nothing):\n\n"
                + "  AUDITOR='"
                + DemoProvider.AUDITOR_API_KEY
                + "'\n");
    LocalDate date = statementDates.isEmpty() ? null : statementDates.get(0);
    if (date != null) {
      out.append("  # reconciliation's report of the day, per currency\n")
          .append("  curl -sS -H \"Authorization: Bearer $AUDITOR\" ")
          .append(services.reconciliation())
          .append("/v1/reports/")
          .append(date)
          .append('\n');
    }
    out.append("  # open breaks (none when the day reconciled)\n")
        .append("  curl -sS -H \"Authorization: Bearer $AUDITOR\" '")
        .append(services.reconciliation())
        .append("/v1/breaks?limit=20'\n");
    trialBalance.stream()
        .map(TrialBalanceLine::businessDate)
        .distinct()
        .forEach(
            day ->
                out.append("  # the closed day and its trial balance\n")
                    .append("  curl -sS -H \"Authorization: Bearer $AUDITOR\" ")
                    .append(services.ledger())
                    .append("/v1/days/")
                    .append(day)
                    .append('\n'));
    if (examples.recoveredLostOrder() != null) {
      out.append("  # a lost order: its webhook never came; booked after the status query\n")
          .append(history(services, examples.recoveredLostOrder()))
          .append(entries(services, examples.recoveredLostOrder()));
    }
    if (examples.amended() != null) {
      out.append(
              "  # the amended payment: its history, and the one booking at the captured amount\n")
          .append(history(services, examples.amended()))
          .append(entries(services, examples.amended()));
    }
    if (examples.refunded() != null) {
      out.append("  # a refunded payment\n").append(entries(services, examples.refunded()));
    }
    for (MerchantPayoutOutcome payout : settlement.merchantPayouts()) {
      out.append("  # the merchant payout: its state and hold, and the bank details it paid to\n")
          .append("  curl -sS -H \"Authorization: Bearer $AUDITOR\" ")
          .append(services.ledger())
          .append("/v1/merchants/")
          .append(payout.merchantId())
          .append("/payouts/")
          .append(payout.payoutId())
          .append('\n')
          .append("  curl -sS -H \"Authorization: Bearer $AUDITOR\" ")
          .append(services.ledger())
          .append("/v1/merchants/")
          .append(payout.merchantId())
          .append("/bank-details\n");
    }
    out.append("  # the relay's view of every callback\n")
        .append("  curl -sS -H \"Authorization: Bearer $AUDITOR\" '")
        .append(services.relay())
        .append("/v1/callbacks?limit=5'\n");
    return out.toString();
  }

  private static String history(DayScenario.Services services, String paymentId) {
    return "  curl -sS -H \"Authorization: Bearer $AUDITOR\" "
        + services.gateway()
        + "/v1/payments/"
        + paymentId
        + "/history\n";
  }

  private static String entries(DayScenario.Services services, String paymentId) {
    return "  curl -sS -H \"Authorization: Bearer $AUDITOR\" "
        + services.ledger()
        + "/v1/payments/"
        + paymentId
        + "/entries\n";
  }

  static String[] row(String what, Object figure, String note) {
    return new String[] {what, String.valueOf(figure), note};
  }
}
