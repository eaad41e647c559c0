package com.paystream.ledger.publishing;

import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Counts what the outbox publisher shipped and how often a batch failed (and stays due). */
public final class OutboxMetrics implements PublishObserver {

  private final Counter published;
  private final Counter failures;

  public OutboxMetrics(MeterRegistry meters) {
    published =
        Counter.builder("ledger.outbox.published")
            .description("Outbox rows the broker acknowledged")
            .register(meters);
    failures =
        Counter.builder("ledger.outbox.failures")
            .description("Outbox batches that failed and will be retried")
            .register(meters);
  }

  @Override
  public void published(List<OutboxRecord> rows) {
    published.increment(rows.size());
  }

  @Override
  public void failed(Exception cause) {
    failures.increment();
  }
}
