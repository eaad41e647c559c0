package com.paystream.ledger.publishing;

import com.paystream.ledger.booking.OutboxBundle;
import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Counts the records the outbox publisher shipped and how often a batch failed (and stays due). */
public final class OutboxMetrics implements PublishObserver {

  private final Counter published;
  private final Counter failures;

  public OutboxMetrics(MeterRegistry meters) {
    published =
        Counter.builder("ledger.outbox.published")
            .description("Records the broker acknowledged (a bundle row counts its records)")
            .register(meters);
    failures =
        Counter.builder("ledger.outbox.failures")
            .description("Outbox batches that failed and will be retried")
            .register(meters);
  }

  @Override
  public void published(List<OutboxRecord> rows) {
    long records = 0;
    for (OutboxRecord row : rows) {
      records += OutboxBundle.isBundle(row.topic()) ? OutboxBundle.count(row.payload()) : 1;
    }
    published.increment(records);
  }

  @Override
  public void failed(Exception cause) {
    failures.increment();
  }
}
