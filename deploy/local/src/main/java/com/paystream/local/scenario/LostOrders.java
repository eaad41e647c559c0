package com.paystream.local.scenario;

import com.paystream.local.services.ServiceCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Lost orders: reconciliation flags the payments the provider took but the books never saw, the
 * gateway's status query recovers them, the ledger books them, and the breaks close.
 */
final class LostOrders {

  /**
   * What reconciliation saw of the lost orders, once the recovered bookings reached it, and the
   * statement lines it could not explain at all.
   */
  record Recovery(long detected, int recovered, long openBreaks, long unmatchedLines) {}

  /** What reconciliation's reports of the statement dates say, summed over their currencies. */
  private record Reconciled(long lostOrders, long openBreaks, long unmatchedLines) {}

  private final ScenarioRun run;
  private final LedgerBooks books;

  LostOrders(ScenarioRun run) {
    this.run = run;
    this.books = run.books();
  }

  /** The succeeded payments the gateway never heard of: lost orders, unless recovered. */
  List<String> of(DayPlan plan, Set<String> unannounced) {
    return plan.succeeded().stream().map(run::id).filter(unannounced::contains).toList();
  }

  /** Waits until the ledger booked every lost order, or the pipeline timed out. */
  void awaitRecovered(List<String> lost) {
    run.progress()
        .phase(
            "lost orders",
            () ->
                String.format(
                    "%d/%d lost orders booked (reconciliation flags them after %s, the gateway"
                        + " asks the provider, the ledger books)",
                    lost.stream().filter(books::isBooked).count(),
                    lost.size(),
                    ServiceCatalog.LOST_ORDER_GRACE));
    books.awaitBooked(lost, run.workers());
    run.progress()
        .done(
            String.format(
                "%d/%d lost orders recovered and booked",
                lost.stream().filter(books::isBooked).count(), lost.size()));
  }

  /**
   * What reconciliation saw: lost orders flagged on the statement dates, and the breaks still open
   * once the recovered bookings reached it.
   */
  Recovery recovery(List<String> lost, StatementUpload.Uploaded statement) {
    List<LocalDate> statementDates = statement.dates();
    run.progress()
        .phase("breaks", () -> "waiting for reconciliation to close the lost-order breaks");
    Pause.until(
        ScenarioRun.PIPELINE_TIMEOUT,
        ScenarioRun.POLL,
        () ->
            reconciled(statementDates).lostOrders() >= lost.size()
                && openLostOrders(lost).isEmpty());
    Reconciled reconciled = reconciled(statementDates);
    Set<String> stillOpen = openLostOrders(lost);
    int recovered =
        (int)
            lost.stream()
                .filter(id -> books.count(id, LedgerBooks.PAYMENT) == 1)
                .filter(id -> !stillOpen.contains(id))
                .filter(this::gatewaySaysSucceeded)
                .count();
    run.progress()
        .done(
            String.format(
                "%d lost orders detected by reconciliation, %d recovered, %d breaks open",
                reconciled.lostOrders(), recovered, reconciled.openBreaks()));
    return new Recovery(
        reconciled.lostOrders(), recovered, reconciled.openBreaks(), reconciled.unmatchedLines());
  }

  private Reconciled reconciled(List<LocalDate> dates) {
    List<JsonNode> reports = new ReconReports(run).of(dates);
    return new Reconciled(
        ReconReports.count(reports, "LOST_ORDER"),
        reports.stream().mapToLong(report -> report.path("openBreaks").asLong()).sum(),
        ReconReports.count(reports, "UNMATCHED_LINE"));
  }

  /** The lost orders among the open LOST_ORDER breaks. */
  private Set<String> openLostOrders(List<String> lost) {
    Set<String> wanted = Set.copyOf(lost);
    Set<String> open = new TreeSet<>();
    for (JsonNode leg :
        run.api()
            .get(run.services().reconciliation() + "/v1/breaks?outcome=LOST_ORDER&limit=1000")
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
        run.api()
            .get(
                run.services().gateway() + "/v1/payments/" + paymentId,
                Map.of("authorization", "Bearer " + run.sale(paymentId).merchant().apiKey()))
            .expect("reading payment " + paymentId, 200)
            .json()
            .path("status")
            .asString();
    return status.equals("SUCCEEDED") || status.equals("REFUNDED");
  }
}
