package com.paystream.local.scenario;

import com.paystream.simulator.Payout;
import com.paystream.simulator.PayoutFault;
import com.paystream.simulator.PayoutFaults;
import com.paystream.simulator.PayoutReport;
import com.paystream.simulator.PayoutSchedule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Settlement: the provider pays out the day, one payout per currency (the EUR one short by an
 * unexplained fee, on purpose); its payout reports and then our bank's statement, on which the
 * payouts arrive, are ingested by reconciliation, which matches each bank credit to its report and
 * writes a settlement; the ledger books each as a PROVIDER_SETTLEMENT entry, so provider clearing
 * returns to zero and the short payout's difference waits in suspense as an open break. On the same
 * bank statement our transfer of a merchant payout leaves the account ({@link MerchantPayouts}):
 * reconciliation confirms it and the ledger captures the payout's hold.
 */
final class Settlement {

  /** The currency whose payout the provider pays short (the first payout's when none is). */
  static final String SHORT_CURRENCY = "EUR";

  private static final String ENTRY_TYPE = "PROVIDER_SETTLEMENT";

  private final ScenarioRun run;
  private final MerchantPayouts merchantPayouts;

  /** The ledger's settlement entries read so far, by source event id: their effective date. */
  private final Map<UUID, LocalDate> settlementEntries = new ConcurrentHashMap<>();

  private final Set<String> knownEntries = ConcurrentHashMap.newKeySet();

  private final Map<String, String> bankCashAccounts = new ConcurrentHashMap<>();

  /**
   * @param runId tells this run's merchant payout apart from earlier runs'
   */
  Settlement(ScenarioRun run, String runId) {
    this.run = run;
    this.merchantPayouts = new MerchantPayouts(run, runId);
  }

  /**
   * Pays out the statement dates, requests a merchant payout, uploads the reports and our bank's
   * statements (the merchant payout's transfer on the first), waits until every payout is matched
   * (or a break) and booked and the merchant payout captured, and reads the balances.
   */
  SettlementSummary settle(List<LocalDate> dates) {
    run.progress().phase("settlement", () -> "the provider pays out " + dates);
    List<Payout> payouts = payOut(dates);
    int reportLines = 0;
    for (LocalDate date : dates) {
      PayoutReport report = run.provider().payouts(date);
      if (!report.isEmpty()) {
        reportLines += upload("csv", "payout-report-" + date + ".csv", report.csv());
      }
    }
    run.progress()
        .done(
            String.format(
                "%d payouts: %d lines of payout reports for %s ingested by reconciliation",
                payouts.size(), reportLines, dates));
    Set<LocalDate> bankDates = new TreeSet<>();
    payouts.forEach(payout -> payout.bankBookingDate().ifPresent(bankDates::add));
    Optional<MerchantPayouts.Requested> merchantPayout = requestMerchantPayout(bankDates);
    run.progress().phase("settlement", () -> "uploading our bank's statements of " + bankDates);
    int bankLines = 0;
    for (LocalDate date : bankDates) {
      bankLines +=
          upload(
              "camt053",
              "bank-statement-" + date + ".xml",
              run.provider().bankStatement(date).camt053());
    }
    run.progress()
        .done(
            String.format(
                "%d lines of our bank's statements for %s ingested by reconciliation",
                bankLines, bankDates));
    SettlementSummary providerPayouts = awaitSettled(payouts);
    List<MerchantPayoutOutcome> merchant =
        merchantPayout.map(merchantPayouts::awaitCaptured).stream().toList();
    return new SettlementSummary(
        providerPayouts.payouts(), providerPayouts.balances(), merchant, awaitClearingChecks());
  }

  /**
   * Reconciliation's clearing check of every currency, once each adds up (or as it stands when the
   * pipeline's time is up): the ledger's booking of the last settlement reaches it a moment after
   * the payout settled.
   */
  private List<SettlementSummary.ClearingCheck> awaitClearingChecks() {
    run.progress().phase("settlement", () -> "reconciliation's clearing check");
    AtomicReference<List<SettlementSummary.ClearingCheck>> checks =
        new AtomicReference<>(List.of());
    Pause.until(
        ScenarioRun.PIPELINE_TIMEOUT,
        ScenarioRun.POLL,
        () -> {
          checks.set(clearingChecks());
          return !checks.get().isEmpty()
              && checks.get().stream().allMatch(check -> check.differenceMinor() == 0);
        });
    run.progress()
        .done(
            checks.get().stream().filter(check -> check.differenceMinor() != 0).count()
                + " of "
                + checks.get().size()
                + " currencies differ");
    return checks.get();
  }

  private List<SettlementSummary.ClearingCheck> clearingChecks() {
    ServiceApi.Answer answer = run.api().get(run.services().reconciliation() + "/v1/clearing");
    if (!answer.ok()) {
      return List.of();
    }
    List<SettlementSummary.ClearingCheck> checks = new ArrayList<>();
    for (JsonNode check : answer.json()) {
      checks.add(
          new SettlementSummary.ClearingCheck(
              check.path("currency").asString(),
              check.path("clearingBalanceMinor").asLong(),
              check.path("unpaidMinor").asLong(),
              check.path("awaitingPayoutMinor").asLong(),
              check.path("differenceMinor").asLong()));
    }
    return checks;
  }

  /**
   * Requests the merchant payout and has our bank book its transfer on the first date the
   * provider's payouts arrive (today when none does), so that one bank statement per date carries
   * both; adds that date to {@code bankDates}.
   */
  private Optional<MerchantPayouts.Requested> requestMerchantPayout(Set<LocalDate> bankDates) {
    run.progress()
        .phase(
            "merchant payout",
            () -> "an operator pays a merchant out, a second approves the bank details");
    Optional<MerchantPayouts.Requested> requested = merchantPayouts.request();
    LocalDate transferDate =
        bankDates.stream().findFirst().orElseGet(() -> LocalDate.now(java.time.ZoneOffset.UTC));
    requested.ifPresent(
        payout -> {
          merchantPayouts.transfer(payout, transferDate);
          bankDates.add(transferDate);
        });
    run.progress()
        .done(
            requested
                .map(
                    payout ->
                        String.format(
                            "%s: %d %s of %s held, the transfer on our bank's statement of %s",
                            payout.payoutId(),
                            payout.amountMinor(),
                            payout.currency(),
                            payout.account(),
                            transferDate))
                .orElse("no merchant has money to pay out"));
    return requested;
  }

  /**
   * The provider's payouts of the dates, every calendar day a business day (the day may fall on a
   * weekend), the first EUR payout short by an unexplained fee. A payout is a function of the
   * books, the schedule and the faults, so asking again (its HTTP API, later) gives the same.
   */
  private List<Payout> payOut(List<LocalDate> dates) {
    run.provider().payoutSchedule(PayoutSchedule.EVERY_DAY);
    run.provider().payoutFaults(PayoutFaults.NONE);
    List<Payout> asAgreed = payouts(dates);
    Optional<Payout> shortOne =
        asAgreed.stream()
            .filter(payout -> payout.currency().equals(SHORT_CURRENCY))
            .findFirst()
            .or(() -> asAgreed.stream().findFirst());
    shortOne.ifPresent(
        payout ->
            run.provider()
                .payoutFaults(PayoutFaults.NONE.on(payout.reference(), PayoutFault.SHORT)));
    return payouts(dates);
  }

  private List<Payout> payouts(List<LocalDate> dates) {
    List<Payout> payouts = new ArrayList<>();
    dates.forEach(date -> payouts.addAll(run.provider().payouts(date).payouts()));
    return payouts;
  }

  /** Uploads a statement to reconciliation; the number of lines it took. */
  private int upload(String format, String filename, String content) {
    return run.api()
        .post(
            run.services().reconciliation()
                + "/v1/statements?format="
                + format
                + "&filename="
                + filename,
            Callers.OPERATOR,
            "application/octet-stream",
            content.getBytes(StandardCharsets.UTF_8))
        .expect("uploading " + filename, 200, 201)
        .json()
        .path("totalLines")
        .asInt();
  }

  private SettlementSummary awaitSettled(List<Payout> payouts) {
    // read by the progress line's thread too
    AtomicReference<List<SettlementSummary.PayoutOutcome>> seen =
        new AtomicReference<>(observe(payouts));
    run.progress()
        .phase(
            "settlement",
            () ->
                String.format(
                    "%d/%d payouts matched or a break, %d/%d booked by the ledger",
                    seen.get().stream().filter(p -> p.matched() || p.isBreak()).count(),
                    payouts.size(),
                    seen.get().stream().filter(p -> p.bookedOn().isPresent()).count(),
                    payouts.size()));
    Pause.until(
        ScenarioRun.PIPELINE_TIMEOUT,
        ScenarioRun.POLL,
        () -> {
          seen.set(observe(payouts));
          return seen.get().stream().allMatch(Settlement::settled);
        });
    SettlementSummary summary = new SettlementSummary(seen.get(), balances(payouts), List.of());
    run.progress()
        .done(
            String.format(
                "%d/%d payouts matched, %d booked, %d breaks",
                summary.matched(), payouts.size(), summary.booked(), summary.breaks().size()));
    return summary;
  }

  /** Reconciliation has its say on the payout, and the ledger booked it if the bank moved money. */
  private static boolean settled(SettlementSummary.PayoutOutcome payout) {
    return (payout.matched() || payout.isBreak())
        && (!payout.reachedBank() || payout.bookedOn().isPresent());
  }

  /** Each payout as reconciliation's reports and breaks and the ledger's entries show it now. */
  private List<SettlementSummary.PayoutOutcome> observe(List<Payout> payouts) {
    Set<LocalDate> dates = new TreeSet<>();
    payouts.forEach(payout -> dates.add(payout.businessDate()));
    Map<String, JsonNode> reports = new HashMap<>();
    for (JsonNode report : new ReconReports(run).of(dates)) {
      reports.put(
          report.path("businessDate").asString() + "|" + report.path("currency").asString(),
          report);
    }
    readSettlementEntries(payouts);
    List<SettlementSummary.PayoutOutcome> outcomes = new ArrayList<>();
    for (Payout payout : payouts) {
      JsonNode report = reports.get(payout.businessDate() + "|" + payout.currency());
      Optional<JsonNode> openBreak = openBreak(payout.reference());
      outcomes.add(
          new SettlementSummary.PayoutOutcome(
              payout.reference(),
              payout.currency(),
              payout.businessDate(),
              payout.netMinor(),
              payout.bankAmountMinor(),
              payout.bankBookingDate().isPresent(),
              payout.faults().contains(PayoutFault.SHORT),
              openBreak.map(leg -> leg.path("outcome").asString()).orElseGet(() -> outcome(report)),
              openBreak.map(leg -> leg.path("breakId").asString()),
              Optional.ofNullable(settlementEntries.get(sourceId(payout.reference())))));
    }
    return outcomes;
  }

  /** The payout's leg-A outcome in its report (one payout per date and currency), or "". */
  private static String outcome(JsonNode report) {
    if (report == null) {
      return "";
    }
    for (String outcome :
        List.of(
            SettlementSummary.MATCHED,
            SettlementSummary.SHORT,
            SettlementSummary.OVER,
            SettlementSummary.MISSING)) {
      if (ReconReports.count(report, outcome) > 0) {
        return outcome;
      }
    }
    return "";
  }

  /** The payout's open leg-A break (keyed by its reference), if any. */
  private Optional<JsonNode> openBreak(String reference) {
    for (JsonNode leg :
        run.api()
            .get(run.services().reconciliation() + "/v1/breaks?limit=100&reference=" + reference)
            .expect("the open breaks of " + reference, 200)
            .json()) {
      if (leg.path("paymentReference").asString().equals(reference)
          && leg.path("outcome").asString().startsWith("PAYOUT_")) {
        return Optional.of(leg);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the PROVIDER_SETTLEMENT entries of the payouts' currencies from bank cash, which nothing
   * else of the day moves: one posting per payout that reached the bank.
   */
  private void readSettlementEntries(List<Payout> payouts) {
    Set<String> currencies = new TreeSet<>();
    LocalDate from = LocalDate.MAX;
    LocalDate to = LocalDate.MIN;
    for (Payout payout : payouts) {
      currencies.add(payout.currency());
      from = payout.businessDate().isBefore(from) ? payout.businessDate() : from;
      to = payout.valueDate().isAfter(to) ? payout.valueDate() : to;
    }
    for (String currency : currencies) {
      Optional<String> account = bankCash(currency);
      if (account.isEmpty()) {
        continue;
      }
      // the ledger dates a payout between its business date and its value date, or the next
      // open date: a day either side covers a calendar in another zone than UTC
      JsonNode statement =
          run.api()
              .get(
                  run.services().ledger()
                      + "/v1/accounts/"
                      + account.get()
                      + "/statement?limit=1000&from="
                      + from.minusDays(1)
                      + "&to="
                      + to.plusDays(1))
              .expect("the statement of bank-cash:" + currency, 200)
              .json();
      for (JsonNode line : statement.path("lines")) {
        if (line.path("entryType").asString().equals(ENTRY_TYPE)) {
          readEntry(line.path("entryId").asString());
        }
      }
    }
  }

  /** Reads a settlement entry once: it never changes. */
  private void readEntry(String entryId) {
    if (knownEntries.contains(entryId)) {
      return;
    }
    JsonNode entry =
        run.api()
            .get(run.services().ledger() + "/v1/entries/" + entryId)
            .expect("reading entry " + entryId, 200)
            .json();
    settlementEntries.put(
        UUID.fromString(entry.path("sourceEventId").asString()),
        LocalDate.parse(entry.path("effectiveDate").asString()));
    knownEntries.add(entryId);
  }

  /** The id of {@code bank-cash:<CUR>}; empty while the ledger has no such account. */
  private Optional<String> bankCash(String currency) {
    String known = bankCashAccounts.get(currency);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<JsonNode> account = account("bank-cash:" + currency);
    account.ifPresent(a -> bankCashAccounts.put(currency, a.path("accountId").asString()));
    return account.map(a -> a.path("accountId").asString());
  }

  /**
   * An account by its code ({@code [a-z-]+:…:[A-Z]{3}}, nothing to escape in a query); empty when
   * the ledger has none (nothing was posted to it).
   */
  private Optional<JsonNode> account(String code) {
    ServiceApi.Answer answer = run.api().get(run.services().ledger() + "/v1/accounts?code=" + code);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(answer.expect("reading account " + code, 200).json());
  }

  /** Per currency of the payouts, provider clearing and suspense now, and suspense as expected. */
  private List<SettlementSummary.Balances> balances(List<Payout> payouts) {
    Map<String, Long> expectedSuspense = new TreeMap<>();
    Map<String, String> providers = new HashMap<>();
    for (Payout payout : payouts) {
      providers.put(payout.currency(), payout.provider());
      long intoSuspense =
          settlementEntries.containsKey(sourceId(payout.reference()))
              ? payout.bankAmountMinor() - payout.netMinor() - payout.chargebacksMinor()
              : 0;
      expectedSuspense.merge(payout.currency(), intoSuspense, Long::sum);
    }
    List<SettlementSummary.Balances> balances = new ArrayList<>();
    expectedSuspense.forEach(
        (currency, expected) -> {
          String clearing = "provider-clearing:" + providers.get(currency) + ":" + currency;
          balances.add(
              new SettlementSummary.Balances(
                  currency,
                  clearing,
                  balance(clearing),
                  balance("suspense:" + currency),
                  expected));
        });
    return balances;
  }

  /** The account's booked balance in its normal-balance sign; 0 when it does not exist. */
  private long balance(String code) {
    return account(code).map(account -> account.path("balanceMinor").asLong()).orElse(0L);
  }

  /**
   * The source id the ledger books a provider payout under (its README, "Provider settlement":
   * derived from {@code settlement:PROVIDER_PAYOUT:<settlement id>}, the settlement id being the
   * payout reference).
   */
  static UUID sourceId(String payoutReference) {
    return UUID.nameUUIDFromBytes(
        ("settlement:PROVIDER_PAYOUT:" + payoutReference).getBytes(StandardCharsets.UTF_8));
  }
}
