package com.paystream.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code paystream_ready}: 1 while this instance's readiness group is UP, 0 otherwise, so that an
 * alert can see an instance that runs but cannot work (its database or broker gone) without probing
 * it. The group is evaluated on a timer thread of its own, never on a scrape (a reactive service
 * would otherwise block an event loop on its database check); the gauge reads the last answer. A
 * check that throws counts as not ready.
 */
public final class ReadinessGauge implements AutoCloseable {

  public static final String NAME = "paystream.ready";

  private final AtomicInteger ready = new AtomicInteger();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "readiness-gauge");
            thread.setDaemon(true);
            return thread;
          });

  /** Every 5 s, the {@code readiness} group of the service's health endpoint. */
  public static ReadinessGauge of(HealthEndpoint health, MeterRegistry meters) {
    return new ReadinessGauge(
        () -> health.healthForPath("readiness").getStatus(), meters, Duration.ofSeconds(5));
  }

  /** {@code readiness}: the readiness group's status now, asked every {@code every}. */
  public ReadinessGauge(Supplier<Status> readiness, MeterRegistry meters, Duration every) {
    Gauge.builder(NAME, ready, AtomicInteger::get)
        .description("1 while this instance's readiness group is UP, 0 otherwise")
        .register(meters);
    timer.scheduleWithFixedDelay(
        () -> ready.set(isUp(readiness) ? 1 : 0), 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static boolean isUp(Supplier<Status> readiness) {
    try {
      return Status.UP.equals(readiness.get());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
