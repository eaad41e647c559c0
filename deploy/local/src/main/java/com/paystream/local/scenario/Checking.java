package com.paystream.local.scenario;

import com.paystream.local.scenario.DayPlan.Sale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checking: every payment of the day is booked exactly as often as it should be: a succeeded
 * payment once, a failed one never, a refund once; the amendment books nothing (the ledger already
 * booked what the provider captured).
 */
final class Checking {

  private final ScenarioRun run;
  private final LedgerBooks books;

  Checking(ScenarioRun run) {
    this.run = run;
    this.books = run.books();
  }

  /**
   * Reads the books of every payment of the day until each shows what it must, or the time is up.
   *
   * @return what still differs then, one line per payment, sorted
   */
  List<String> check(DayPlan plan) {
    AtomicInteger right = new AtomicInteger();
    run.progress()
        .phase(
            "checking",
            () ->
                String.format(
                    "%d/%d payments booked exactly as they should be",
                    right.get(), plan.sales().size()));
    Map<String, String> problems = new ConcurrentHashMap<>();
    Pause.until(
        ScenarioRun.PIPELINE_TIMEOUT,
        ScenarioRun.POLL,
        () -> {
          List<Sale> open =
              plan.sales().stream()
                  .filter(sale -> problems.isEmpty() || problems.containsKey(run.id(sale)))
                  .toList();
          problems.clear();
          run.workers()
              .inParallel(
                  open,
                  sale -> {
                    String paymentId = run.id(sale);
                    books.read(paymentId);
                    String problem =
                        problem(sale, run.refunded().contains(paymentId), books.entries(paymentId));
                    if (problem != null) {
                      problems.put(paymentId, problem);
                    }
                  });
          right.set(plan.sales().size() - problems.size());
          return problems.isEmpty();
        });
    run.progress()
        .done(
            String.format(
                "%d/%d payments booked exactly as they should be",
                plan.sales().size() - problems.size(), plan.sales().size()));
    return problems.entrySet().stream()
        .map(problem -> problem.getKey() + ": " + problem.getValue())
        .sorted()
        .toList();
  }

  private static String problem(Sale sale, boolean refundedSale, List<LedgerEntry> entries) {
    long bookings = LedgerEntry.count(entries, LedgerBooks.PAYMENT);
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
    // The ledger booked what the provider captured; the amendment only brings the gateway's record
    // to it, so an AMENDMENT entry would be a zero-net one.
    if (sale.tipMinor() > 0 && LedgerEntry.count(entries, "AMENDMENT") != 0) {
      return "amendment to what was booked, booked "
          + LedgerEntry.count(entries, "AMENDMENT")
          + " times";
    }
    return null;
  }
}
