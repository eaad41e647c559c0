package com.paystream.platform.health;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ReadinessGaugeTest {

  @Test
  void followsTheReadinessGroupAndCountsAFailingCheckAsNotReady() {
    MeterRegistry meters = new SimpleMeterRegistry();
    AtomicReference<Status> status = new AtomicReference<>(Status.UP);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    try (ReadinessGauge gauge =
        new ReadinessGauge(
            () -> {
              if (failure.get() != null) {
                throw failure.get();
              }
              return status.get();
            },
            meters,
            Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> value(meters) == 1.0);
      status.set(Status.DOWN);
      await().atMost(Duration.ofSeconds(5)).until(() -> value(meters) == 0.0);
      status.set(Status.UP);
      await().atMost(Duration.ofSeconds(5)).until(() -> value(meters) == 1.0);
      failure.set(new IllegalStateException("database gone"));
      await().atMost(Duration.ofSeconds(5)).until(() -> value(meters) == 0.0);
    }
  }

  private static double value(MeterRegistry meters) {
    return meters.get(ReadinessGauge.NAME).gauge().value();
  }
}
