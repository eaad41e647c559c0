package com.paystream.ledger.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/** The figures an SRE watches on the ledger's intake: outcomes per record, entries, batch time. */
final class BookingMetrics {

  private final Counter posted;
  private final Counter noEffect;
  private final Counter deadLettered;
  private final Counter duplicates;
  private final Counter parked;
  private final Counter entries;
  private final Timer batches;
  private final Counter fenced;
  private final MeterRegistry meters;

  BookingMetrics(MeterRegistry meters) {
    this.meters = meters;
    posted = outcome(meters, "posted");
    noEffect = outcome(meters, "no_financial_effect");
    deadLettered = outcome(meters, "dead_lettered");
    duplicates = outcome(meters, "duplicate");
    parked =
        Counter.builder("ledger.parked.commands")
            .description(
                "Commands parked because their payment was not booked yet (re-deliveries included)")
            .register(meters);
    entries =
        Counter.builder("ledger.journal.entries")
            .description("Journal entries booked")
            .register(meters);
    batches =
        Timer.builder("ledger.batch.duration")
            .description("Time to apply one consumed batch, transaction included")
            .register(meters);
    fenced =
        Counter.builder("ledger.fenced.batches")
            .description(
                "Consumed batches refused because another instance owns one of their partitions")
            .register(meters);
  }

  private static Counter outcome(MeterRegistry meters, String outcome) {
    return Counter.builder("ledger.records")
        .description("Consumed records by what applying them did")
        .tag("outcome", outcome)
        .register(meters);
  }

  void count(List<AppliedRecord> applied) {
    for (AppliedRecord record : applied) {
      Outcome outcome = record.outcome();
      if (outcome instanceof Outcome.Posted) {
        posted.increment();
        entries.increment();
      } else if (outcome instanceof Outcome.NoFinancialEffect) {
        noEffect.increment();
      } else if (outcome instanceof Outcome.DeadLettered dead) {
        deadLettered.increment();
        // The same name in every service that dead-letters: dead letters per service and reason.
        meters
            .counter(
                "paystream.dead.letters",
                "reason",
                dead.refusal().code(),
                "topic",
                record.record().source().topic())
            .increment();
      } else if (outcome instanceof Outcome.Parked) {
        parked.increment();
      } else {
        duplicates.increment();
      }
    }
  }

  void fenced() {
    fenced.increment();
  }

  Timer batchTimer() {
    return batches;
  }
}
