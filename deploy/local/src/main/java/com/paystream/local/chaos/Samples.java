package com.paystream.local.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The figures the chaos watches, read twice a second from outside: the callback backlog (the
 * relay's {@code relay_backlog}: callbacks the gateway recorded that the ledger has not confirmed
 * yet, counted in the database, so any relay instance answers for all), and each relay instance's
 * first publications ({@code relay_published_total{delivery="first"}}), which only the leader
 * makes.
 */
final class Samples implements AutoCloseable {

  static final Duration PERIOD = Duration.ofMillis(500);

  /** One reading of the backlog. */
  record Backlog(Instant at, long value) {}

  private final List<String> relays;
  private final Map<String, String> baseUrls;
  private final List<Backlog> backlog = new ArrayList<>();
  private final Map<String, Double> published = new HashMap<>();
  private final Map<String, Instant> lastPublished = new HashMap<>();
  private final Map<String, Boolean> leading = new HashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "chaos-samples");
            thread.setDaemon(true);
            return thread;
          });

  Samples(List<String> relays, Map<String, String> baseUrls) {
    this.relays = List.copyOf(relays);
    this.baseUrls = Map.copyOf(baseUrls);
  }

  void start() {
    sampler.scheduleWithFixedDelay(this::sample, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sample() {
    Instant now = Instant.now();
    OptionalDouble value = OptionalDouble.empty();
    for (String relay : relays) {
      String url = baseUrls.get(relay);
      if (value.isEmpty()) {
        value = Prometheus.read(url, "relay_backlog", "");
      }
      OptionalDouble leader = Prometheus.read(url, "relay_leader", "");
      if (leader.isPresent()) {
        synchronized (this) {
          leading.put(relay, leader.getAsDouble() > 0);
        }
      }
      OptionalDouble first = Prometheus.read(url, "relay_published_total", "delivery=\"first\"");
      if (first.isPresent()) {
        recordPublished(relay, first.getAsDouble(), now);
      }
    }
    if (value.isPresent()) {
      synchronized (this) {
        backlog.add(new Backlog(now, (long) value.getAsDouble()));
      }
    }
  }

  private synchronized void recordPublished(String relay, double count, Instant now) {
    Double before = published.put(relay, count);
    // A restarted instance starts from 0: only growth on the same run counts as publishing.
    if (before != null && count > before) {
      lastPublished.put(relay, now);
    }
  }

  /**
   * The relay instance that holds the leader lock ({@code relay_leader} 1); failing that, the one
   * that published most recently.
   */
  synchronized Optional<String> leadingRelay() {
    Optional<String> leader =
        leading.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst();
    if (leader.isPresent()) {
      return leader;
    }
    return lastPublished.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey);
  }

  /** When {@code relay} last published a first delivery. */
  synchronized Optional<Instant> lastPublished(String relay) {
    return Optional.ofNullable(lastPublished.get(relay));
  }

  /** Backlog readings from {@code from} on. */
  synchronized List<Backlog> backlogSince(Instant from) {
    return backlog.stream().filter(sample -> !sample.at().isBefore(from)).toList();
  }

  /** The highest backlog between {@code from} and {@code to}; zero without a reading. */
  synchronized long maxBacklog(Instant from, Instant to) {
    return backlog.stream()
        .filter(sample -> !sample.at().isBefore(from) && !sample.at().isAfter(to))
        .mapToLong(Backlog::value)
        .max()
        .orElse(0);
  }

  /**
   * From the fault at {@code at} until the backlog was back at or below {@code baseline} for good:
   * the reading after its last one above it, provided the readings have stayed there for {@code
   * settled} since; empty while they have not. Zero when it never rose above it.
   *
   * @param since the readings from the fault on, in order
   */
  static Optional<Duration> recoveredAfter(
      List<Backlog> since, Instant at, long baseline, Duration settled) {
    if (since.isEmpty()) {
      return Optional.empty();
    }
    Instant backAt = since.get(0).at();
    for (int i = 0; i < since.size(); i++) {
      if (since.get(i).value() > baseline) {
        backAt = i + 1 < since.size() ? since.get(i + 1).at() : null;
      }
    }
    if (backAt == null) {
      return Optional.empty();
    }
    Instant last = since.get(since.size() - 1).at();
    if (Duration.between(backAt, last).compareTo(settled) < 0) {
      return Optional.empty();
    }
    Duration took = Duration.between(at, backAt);
    return Optional.of(took.isNegative() ? Duration.ZERO : took);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
