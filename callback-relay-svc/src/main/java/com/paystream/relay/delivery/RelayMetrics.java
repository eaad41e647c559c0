package com.paystream.relay.delivery;

import com.paystream.platform.outbox.OutboxRecord;
import com.paystream.platform.outbox.PublishObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The figures an SRE watches for the relay: how fast committed callbacks reach the topic, how many
 * are re-delivered, and how many gave up. Backlog and age gauges come from {@link Backlog}.
 */
public final class RelayMetrics implements PublishObserver {

  private final Clock clock;
  private final Timer commitToTopic;
  private final Counter firstDeliveries;
  private final Counter redeliveries;
  private final Counter deadLetters;
  private final Counter failures;
  private final MeterRegistry registry;

  public RelayMetrics(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.registry = registry;
    this.commitToTopic =
        Timer.builder("relay.publish.latency")
            .description("From the gateway's commit to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.firstDeliveries =
        Counter.builder("relay.published")
            .tag("delivery", "first")
            .description("Messages published")
            .register(registry);
    this.redeliveries =
        Counter.builder("relay.published")
            .tag("delivery", "redelivery")
            .description("Messages published")
            .register(registry);
    this.deadLetters =
        Counter.builder("relay.dead.letters")
            .description("Messages dead-lettered after their re-delivery schedule ran out")
            .register(registry);
    this.failures =
        Counter.builder("relay.publish.failures")
            .description("Batches the broker did not acknowledge (they are retried)")
            .register(registry);
  }

  @Override
  public void published(List<OutboxRecord> rows) {
    long now = clock.millis();
    for (OutboxRecord row : rows) {
      if (row.attempts() == 0) {
        firstDeliveries.increment();
        commitToTopic.record(Duration.ofMillis(Math.max(0, now - row.createdAt().toEpochMilli())));
      } else {
        redeliveries.increment();
      }
    }
  }

  @Override
  public void deadLettered(List<OutboxRecord> rows) {
    deadLetters.increment(rows.size());
    // The same name in every service that dead-letters; the relay's one reason.
    for (OutboxRecord row : rows) {
      registry
          .counter("paystream.dead.letters", "reason", "RETRIES_EXHAUSTED", "topic", row.topic())
          .increment();
    }
  }

  @Override
  public void failed(Exception cause) {
    failures.increment();
  }
}
