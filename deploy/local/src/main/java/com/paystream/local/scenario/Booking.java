package com.paystream.local.scenario;

import com.paystream.local.scenario.DayPlan.Sale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Booking: every succeeded payment whose webhook reached the gateway gets its journal entry; and,
 * once the day is over, how long each took from the gateway's acknowledgement to the ledger.
 */
final class Booking {

  private final ScenarioRun run;
  private final LedgerBooks books;

  Booking(ScenarioRun run) {
    this.run = run;
    this.books = run.books();
  }

  /**
   * @param unannounced the payments whose webhook never reached the gateway
   */
  void awaitBooked(DayPlan plan, Set<String> unannounced) {
    List<String> announced =
        plan.succeeded().stream().map(run::id).filter(id -> !unannounced.contains(id)).toList();
    run.progress()
        .phase(
            "booking",
            () ->
                String.format(
                    "%d/%d announced payments booked by the ledger",
                    announced.stream().filter(books::isBooked).count(), announced.size()));
    books.awaitBooked(announced, run.workers());
    run.progress()
        .done(
            String.format(
                "%d/%d announced payments booked by the ledger",
                announced.stream().filter(books::isBooked).count(), announced.size()));
  }

  /**
   * From the gateway's acknowledgement of a webhook (the callback is durable from then on) to the
   * ledger's journal entry, for every succeeded payment whose webhook arrived.
   */
  List<Duration> latencies(DayPlan plan, Set<String> unannounced) {
    List<Duration> latencies = new ArrayList<>();
    for (Sale sale : plan.succeeded()) {
      String paymentId = run.id(sale);
      if (unannounced.contains(paymentId)) {
        continue;
      }
      var acknowledged = run.provider().acknowledgedAt(paymentId);
      var booking = books.booking(paymentId);
      if (acknowledged.isPresent() && booking.isPresent()) {
        Duration latency = Duration.between(acknowledged.get(), booking.get().bookedAt());
        latencies.add(latency.isNegative() ? Duration.ZERO : latency);
      }
    }
    return latencies;
  }
}
