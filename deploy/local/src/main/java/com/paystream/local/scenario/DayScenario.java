package com.paystream.local.scenario;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.scenario.DayPlan.Sale;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.WebhookFaults;
import com.paystream.simulator.WebhookStats;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A business day of payments against the running suite, the way it happens in production and with
 * what goes wrong there:
 *
 * <ol>
 *   <li><b>trading</b>: customers pay the merchants' payments at the provider (some fail); the
 *       provider's webhooks are dropped, duplicated, delayed and reordered as the settings say;
 *   <li><b>booking</b>: every callback that reached the gateway is booked by the ledger;
 *   <li><b>refunds</b>: merchants refund some payments through the payments API;
 *   <li><b>statement</b>: the provider's statement of the day is ingested by reconciliation;
 *   <li><b>lost orders</b>: reconciliation flags the payments the provider took but the books never
 *       saw, the gateway's status query recovers them, the ledger books them, the breaks close;
 *   <li><b>amendment</b>: an operator corrects the payment the provider captured with a tip;
 *   <li><b>checking</b>: every payment is booked exactly as often as it should be;
 *   <li><b>day close</b>: the ledger closes the business date, with its trial balance.
 * </ol>
 *
 * Every request rides out a service restart ({@link ServiceApi}), so killing a service while this
 * runs changes nothing in the outcome.
 */
public final class DayScenario {

  /** Where the services listen. */
  public record Services(String gateway, String relay, String ledger, String reconciliation) {}

  private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final String PAYMENT = "PAYMENT";

  private final Services services;
  private final ProviderSimulator provider;
  private final ScenarioSettings settings;
  private final Progress progress;
  private final ServiceApi api = new ServiceApi();
  private final Map<Integer, String> paymentIds = new ConcurrentHashMap<>();
  private final Map<String, Sale> sales = new ConcurrentHashMap<>();
  private final Set<String> refunded = ConcurrentHashMap.newKeySet();
  private final Map<String, List<LedgerEntry>> books = new ConcurrentHashMap<>();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger paid = new AtomicInteger();

  public DayScenario(
      Services services,
      ProviderSimulator provider,
      ScenarioSettings settings,
      PrintStream out,
      boolean terminal) {
    this.services = services;
    this.provider = provider;
    this.settings = settings;
    this.progress = new Progress(out, terminal);
  }

  /** Runs the day and says how it went; throws {@link ScenarioFailure} when it cannot go on. */
  public DaySummary run() {
    Instant start = Instant.now();
    DayPlan plan = DayPlan.of(settings);
    String run = Long.toString(start.toEpochMilli(), 36);
    double halfDelay = settings.delayRate() / 2;
    provider.faults(
        new WebhookFaults(
            settings.dropRate(),
            settings.duplicateRate(),
            halfDelay,
            halfDelay,
            ScenarioSettings.MAX_DELAY));
    ExecutorService customers =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            runnable -> {
              Thread thread = new Thread(runnable, "scenario-customer");
              thread.setDaemon(true);
              return thread;
            });
    try (progress) {
      trade(plan, run, customers);
      awaitWebhooks();
      Set<String> unannounced = Set.copyOf(provider.unannounced());
      awaitBooked(plan, unannounced, customers);
      int refunds = refund(plan, unannounced);
      List<LocalDate> statementDates = ingestStatements(start);
      List<String> lost = lostOrders(plan, unannounced);
      awaitRecovered(lost, customers);
      String amended = amend(plan);
      List<String> problems = check(plan, customers);
      Recovery recovery = recovery(lost, statementDates);
      List<TrialBalanceLine> trialBalance = closeDays();
      return new DaySummary(
          settings,
          Duration.between(start, Instant.now()),
          plan.sales().size(),
          plan.succeeded().size(),
          provider.stats(),
          provider.webhooksSent(),
          refunds,
          countBooked(refunded, "REFUND"),
          amended,
          lost.size(),
          recovery.detected(),
          recovery.recovered(),
          recovery.openBreaks(),
          problems,
          trialBalance,
          latencies(plan, unannounced),
          statementDates,
          new DaySummary.Examples(
              lost.isEmpty() ? null : lost.get(0),
              amended,
              refunded.stream().sorted().findFirst().orElse(null)));
    } finally {
      provider.faults(WebhookFaults.NONE);
      customers.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ trading

  private void trade(DayPlan plan, String run, ExecutorService customers) {
    progress.phase(
        "trading",
        () ->
            String.format(
                "%d/%d payments created, %d paid at the provider | %s",
                created.get(), plan.sales().size(), paid.get(), webhooks(provider.stats())));
    inParallel(customers, plan.sales(), sale -> sell(sale, run));
    progress.done(
        String.format(
            "%d payments created by %d merchants in %s, %d paid, %d failed at the provider",
            plan.sales().size(),
            DemoProvider.MERCHANTS.size(),
            String.join("/", DayPlan.CURRENCIES),
            plan.succeeded().size(),
            plan.sales().size() - plan.succeeded().size()));
  }

  /** A merchant creates the payment, the customer pays it (or fails to) at the provider. */
  private void sell(Sale sale, String run) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("amount_minor", sale.amountMinor());
    order.put("currency", sale.currency());
    order.put("reference", "order-" + run + "-" + sale.number());
    JsonNode payment =
        api.postJson(
                services.gateway() + "/v1/payments",
                Map.of(
                    "authorization", "Bearer " + sale.merchant().apiKey(),
                    "idempotency-key", "day-" + run + "-" + sale.number()),
                order)
            .expect("creating payment " + sale.number(), 200, 201)
            .json();
    String paymentId = payment.path("payment_id").asString();
    paymentIds.put(sale.number(), paymentId);
    sales.put(paymentId, sale);
    created.incrementAndGet();
    var settled =
        !sale.succeeds()
            ? provider.settle(paymentId, "FAILED")
            : sale.tipMinor() > 0
                ? provider.settle(paymentId, "SUCCEEDED", sale.capturedMinor())
                : provider.settle(paymentId, "SUCCEEDED");
    settled.block(ServiceApi.RESTART_WINDOW);
    paid.incrementAndGet();
  }

  /** Held-back, delayed and retried webhooks all reach the gateway or are given up. */
  private void awaitWebhooks() {
    progress.phase("webhooks", () -> webhooks(provider.stats()));
    if (!Pause.until(ServiceApi.RESTART_WINDOW, POLL, () -> provider.stats().inFlight() == 0)) {
      throw new ScenarioFailure("webhooks still in flight: " + provider.stats());
    }
    WebhookStats stats = provider.stats();
    progress.done(webhooks(stats));
  }

  private static String webhooks(WebhookStats stats) {
    return String.format(
        "webhooks: %d acknowledged, %d duplicated, %d dropped, %d delayed, %d reordered,"
            + " %d retried, %d undelivered, %d in flight",
        stats.delivered(),
        stats.duplicatesSent(),
        stats.dropped(),
        stats.delayed(),
        stats.reordered(),
        stats.retries(),
        stats.undelivered(),
        stats.inFlight());
  }

  // ------------------------------------------------------------------ booking

  /** Every succeeded payment whose webhook reached the gateway gets its journal entry. */
  private void awaitBooked(DayPlan plan, Set<String> unannounced, ExecutorService workers) {
    List<String> announced =
        plan.succeeded().stream()
            .map(sale -> paymentIds.get(sale.number()))
            .filter(id -> !unannounced.contains(id))
            .toList();
    progress.phase(
        "booking",
        () ->
            String.format(
                "%d/%d announced payments booked by the ledger",
                announced.stream().filter(this::isBooked).count(), announced.size()));
    awaitBookings(announced, workers);
    progress.done(
        String.format(
            "%d/%d announced payments booked by the ledger",
            announced.stream().filter(this::isBooked).count(), announced.size()));
  }

  private void awaitBookings(Collection<String> ids, ExecutorService workers) {
    Pause.until(
        PIPELINE_TIMEOUT,
        POLL,
        () -> {
          List<String> waiting = ids.stream().filter(id -> !isBooked(id)).toList();
          inParallel(workers, waiting, this::readBooks);
          return waiting.stream().allMatch(this::isBooked);
        });
  }

  private boolean isBooked(String paymentId) {
    return LedgerEntry.count(books.getOrDefault(paymentId, List.of()), PAYMENT) > 0;
  }

  private void readBooks(String paymentId) {
    JsonNode entries =
        api.get(services.ledger() + "/v1/payments/" + paymentId + "/entries")
            .expect("reading the entries of " + paymentId, 200)
            .json();
    books.put(paymentId, LedgerEntry.listOf(entries));
  }

  // ------------------------------------------------------------------ refunds

  /** Merchants refund what the plan says, for payments they saw succeed. */
  private int refund(DayPlan plan, Set<String> unannounced) {
    List<Sale> refunds =
        plan.refunded().stream()
            .filter(sale -> !unannounced.contains(paymentIds.get(sale.number())))
            .filter(sale -> isBooked(paymentIds.get(sale.number())))
            .toList();
    AtomicInteger done = new AtomicInteger();
    progress.phase(
        "refunds", () -> String.format("%d/%d refunds accepted", done.get(), refunds.size()));
    for (Sale sale : refunds) {
      String paymentId = paymentIds.get(sale.number());
      api.postJson(
              services.gateway() + "/v1/payments/" + paymentId + "/refunds",
              Map.of(
                  "authorization", "Bearer " + sale.merchant().apiKey(),
                  "idempotency-key", "refund-" + paymentId),
              Map.of(
                  "amount_minor",
                  sale.refundMinor(),
                  "currency",
                  sale.currency(),
                  "reason",
                  "customer returned the goods"))
          .expect("refunding " + paymentId, 200, 201);
      refunded.add(paymentId);
      done.incrementAndGet();
    }
    progress.done(
        String.format(
            "%d refunds accepted by the provider and the gateway (%d in full)",
            refunds.size(),
            refunds.stream().filter(sale -> sale.refundMinor() == sale.amountMinor()).count()));
    return refunds.size();
  }

  // ------------------------------------------------------------------ statement, lost orders

  /** The provider's statement of every date the day touched (UTC), as its CSV file. */
  private List<LocalDate> ingestStatements(Instant start) {
    progress.phase("statement", () -> "uploading the provider's statement to reconciliation");
    List<LocalDate> dates = new ArrayList<>();
    int lines = 0;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (LocalDate date = LocalDate.ofInstant(start, ZoneOffset.UTC);
        !date.isAfter(today);
        date = date.plusDays(1)) {
      var statement = provider.statement(date);
      if (statement.lineCount() == 0) {
        continue;
      }
      JsonNode receipt =
          api.post(
                  services.reconciliation()
                      + "/v1/statements?format=csv&filename=provider-statement-"
                      + date
                      + ".csv",
                  Map.of(),
                  "application/octet-stream",
                  statement.csv().getBytes(StandardCharsets.UTF_8))
              .expect("uploading the statement of " + date, 200, 201)
              .json();
      lines += receipt.path("totalLines").asInt();
      dates.add(date);
    }
    progress.done(
        String.format(
            "%d lines of the provider's statement for %s ingested by reconciliation",
            lines, dates));
    return dates;
  }

  /** The succeeded payments the gateway never heard of: lost orders, unless recovered. */
  private List<String> lostOrders(DayPlan plan, Set<String> unannounced) {
    return plan.succeeded().stream()
        .map(sale -> paymentIds.get(sale.number()))
        .filter(unannounced::contains)
        .toList();
  }

  private void awaitRecovered(List<String> lost, ExecutorService workers) {
    progress.phase(
        "lost orders",
        () ->
            String.format(
                "%d/%d lost orders booked (reconciliation flags them after %s, the gateway asks"
                    + " the provider, the ledger books)",
                lost.stream().filter(this::isBooked).count(),
                lost.size(),
                ServiceCatalog.LOST_ORDER_GRACE));
    awaitBookings(lost, workers);
    progress.done(
        String.format(
            "%d/%d lost orders recovered and booked",
            lost.stream().filter(this::isBooked).count(), lost.size()));
  }

  private record Recovery(long detected, int recovered, long openBreaks) {}

  /** What reconciliation's reports of the statement dates say, summed over their currencies. */
  private record Reconciled(long lostOrders, long openBreaks) {}

  /**
   * What reconciliation saw: lost orders flagged on the statement dates, and the breaks still open
   * once the recovered bookings reached it.
   */
  private Recovery recovery(List<String> lost, List<LocalDate> statementDates) {
    progress.phase("breaks", () -> "waiting for reconciliation to close the lost-order breaks");
    Pause.until(
        PIPELINE_TIMEOUT,
        POLL,
        () ->
            reconciled(statementDates).lostOrders() >= lost.size()
                && openLostOrders(lost).isEmpty());
    Reconciled reconciled = reconciled(statementDates);
    Set<String> stillOpen = openLostOrders(lost);
    int recovered =
        (int)
            lost.stream()
                .filter(id -> LedgerEntry.count(books.get(id), PAYMENT) == 1)
                .filter(id -> !stillOpen.contains(id))
                .filter(this::gatewaySaysSucceeded)
                .count();
    progress.done(
        String.format(
            "%d lost orders detected by reconciliation, %d recovered, %d breaks open",
            reconciled.lostOrders(), recovered, reconciled.openBreaks()));
    return new Recovery(reconciled.lostOrders(), recovered, reconciled.openBreaks());
  }

  private Reconciled reconciled(List<LocalDate> dates) {
    long lostOrders = 0;
    long open = 0;
    for (LocalDate date : dates) {
      for (JsonNode report :
          api.get(services.reconciliation() + "/v1/reports/" + date)
              .expect("the reconciliation report of " + date, 200)
              .json()) {
        lostOrders += report.path("outcomes").path("LOST_ORDER").path("count").asLong();
        open += report.path("openBreaks").asLong();
      }
    }
    return new Reconciled(lostOrders, open);
  }

  /** The lost orders among the open LOST_ORDER breaks. */
  private Set<String> openLostOrders(List<String> lost) {
    Set<String> wanted = Set.copyOf(lost);
    Set<String> open = new TreeSet<>();
    for (JsonNode leg :
        api.get(services.reconciliation() + "/v1/breaks?outcome=LOST_ORDER&limit=1000")
            .expect("the open lost-order breaks", 200)
            .json()) {
      String reference = leg.path("paymentReference").asString();
      if (wanted.contains(reference)) {
        open.add(reference);
      }
    }
    return open;
  }

  /** The merchant sees the payment succeeded (refunded, for one refunded in full). */
  private boolean gatewaySaysSucceeded(String paymentId) {
    String status =
        api.get(
                services.gateway() + "/v1/payments/" + paymentId,
                Map.of("authorization", "Bearer " + sales.get(paymentId).merchant().apiKey()))
            .expect("reading payment " + paymentId, 200)
            .json()
            .path("status")
            .asString();
    return status.equals("SUCCEEDED") || status.equals("REFUNDED");
  }

  // ------------------------------------------------------------------ amendment

  /**
   * The provider captured more than the order (a tip): the gateway flagged the callback's amount
   * and the ledger booked what the provider took. An operator amends the payment to the captured
   * amount, which the ledger books as an amendment (the booking re-stated and the old one
   * mirrored).
   */
  private String amend(DayPlan plan) {
    Sale tipped = plan.tipped();
    if (tipped == null) {
      return null;
    }
    String paymentId = paymentIds.get(tipped.number());
    progress.phase("amendment", () -> "an operator amends " + paymentId + " to what was captured");
    api.postJson(
            services.gateway() + "/v1/payments/" + paymentId + "/amendments",
            Map.of(
                "authorization", "Bearer " + DemoProvider.OPERATOR_API_KEY,
                "idempotency-key", "amend-" + paymentId),
            Map.of(
                "amount_minor",
                tipped.capturedMinor(),
                "currency",
                tipped.currency(),
                "status",
                "SUCCEEDED",
                "reason",
                "the provider captured "
                    + tipped.capturedMinor()
                    + " (order "
                    + tipped.amountMinor()
                    + " plus a tip); the payment takes the captured amount"))
        .expect("amending " + paymentId, 200);
    progress.done(
        String.format(
            "%s amended from %d to %d %s (the captured amount)",
            paymentId, tipped.amountMinor(), tipped.capturedMinor(), tipped.currency()));
    return paymentId;
  }

  // ------------------------------------------------------------------ checking, day close

  /**
   * Reads the books of every payment of the day until each shows what it must, or the time is up: a
   * succeeded payment one booking, a failed one none, a refund one refund entry, the amendment one
   * amendment entry. What still differs then is a problem.
   */
  private List<String> check(DayPlan plan, ExecutorService workers) {
    AtomicInteger right = new AtomicInteger();
    progress.phase(
        "checking",
        () ->
            String.format(
                "%d/%d payments booked exactly as they should be",
                right.get(), plan.sales().size()));
    Map<String, String> problems = new ConcurrentHashMap<>();
    Pause.until(
        PIPELINE_TIMEOUT,
        POLL,
        () -> {
          List<Sale> open =
              plan.sales().stream()
                  .filter(sale -> problems.isEmpty() || problems.containsKey(id(sale)))
                  .toList();
          problems.clear();
          inParallel(
              workers,
              open,
              sale -> {
                readBooks(id(sale));
                String problem = problem(sale, refunded.contains(id(sale)), books.get(id(sale)));
                if (problem != null) {
                  problems.put(id(sale), problem);
                }
              });
          right.set(plan.sales().size() - problems.size());
          return problems.isEmpty();
        });
    progress.done(
        String.format(
            "%d/%d payments booked exactly as they should be",
            plan.sales().size() - problems.size(), plan.sales().size()));
    return problems.entrySet().stream()
        .map(problem -> problem.getKey() + ": " + problem.getValue())
        .sorted()
        .toList();
  }

  private String id(Sale sale) {
    return paymentIds.get(sale.number());
  }

  private static String problem(Sale sale, boolean refundedSale, List<LedgerEntry> entries) {
    long bookings = LedgerEntry.count(entries, PAYMENT);
    if (sale.succeeds() && bookings != 1) {
      return "succeeded at the provider, booked " + bookings + " times";
    }
    if (!sale.succeeds() && !entries.isEmpty()) {
      return "failed at the provider, yet has " + entries.size() + " entries";
    }
    long refunds = LedgerEntry.count(entries, "REFUND");
    if (refunds != (refundedSale ? 1 : 0)) {
      return "refunded " + (refundedSale ? 1 : 0) + " times, refund booked " + refunds + " times";
    }
    if (sale.tipMinor() > 0 && LedgerEntry.count(entries, "AMENDMENT") != 1) {
      return "amendment booked " + LedgerEntry.count(entries, "AMENDMENT") + " times";
    }
    return null;
  }

  private int countBooked(Collection<String> paymentIds, String type) {
    return (int)
        paymentIds.stream()
            .filter(id -> LedgerEntry.count(books.getOrDefault(id, List.of()), type) == 1)
            .count();
  }

  /**
   * Closes every business date the day's entries fell on, oldest first, ahead of its cutoff (the
   * demo day ends when its trading is over), and reads each trial balance.
   */
  private List<TrialBalanceLine> closeDays() {
    Set<LocalDate> dates = new TreeSet<>();
    books.values().forEach(entries -> entries.forEach(e -> dates.add(e.effectiveDate())));
    progress.phase("day close", () -> "the ledger closes " + dates);
    List<TrialBalanceLine> lines = new ArrayList<>();
    for (LocalDate date : dates) {
      JsonNode day =
          api.post(
                  services.ledger() + "/v1/days/" + date + "/close?early=true",
                  Map.of(),
                  "application/json",
                  new byte[0])
              .expect("closing business date " + date, 200)
              .json();
      for (JsonNode line : day.path("trialBalance")) {
        lines.add(
            new TrialBalanceLine(
                date,
                line.path("currency").asString(),
                line.path("debitBalancesMinor").asLong(),
                line.path("creditBalancesMinor").asLong(),
                line.path("imbalanceMinor").asLong()));
      }
    }
    progress.done("closed " + dates + " with " + lines.size() + " trial balance lines");
    return lines;
  }

  /**
   * From the gateway's acknowledgement of a webhook (the callback is durable from then on) to the
   * ledger's journal entry, for every succeeded payment whose webhook arrived.
   */
  private List<Duration> latencies(DayPlan plan, Set<String> unannounced) {
    List<Duration> latencies = new ArrayList<>();
    for (Sale sale : plan.succeeded()) {
      String paymentId = id(sale);
      if (unannounced.contains(paymentId)) {
        continue;
      }
      var acknowledged = provider.acknowledgedAt(paymentId);
      var booking =
          books.getOrDefault(paymentId, List.of()).stream()
              .filter(entry -> entry.type().equals(PAYMENT))
              .findFirst();
      if (acknowledged.isPresent() && booking.isPresent()) {
        Duration latency = Duration.between(acknowledged.get(), booking.get().bookedAt());
        latencies.add(latency.isNegative() ? Duration.ZERO : latency);
      }
    }
    return latencies;
  }

  // ------------------------------------------------------------------ plumbing

  /** Runs {@code task} for every item on the workers and waits for all; the first failure wins. */
  private static <T> void inParallel(
      ExecutorService workers, Collection<T> items, Consumer<T> task) {
    List<Future<?>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(workers.submit(() -> task.accept(item)));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new ScenarioFailure("interrupted");
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new ScenarioFailure(e.getCause().toString());
      }
    }
  }
}
