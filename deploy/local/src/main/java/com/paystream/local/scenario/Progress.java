package com.paystream.local.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the scenario is doing, while it does it: one status line per phase, refreshed in place every
 * second on a terminal, every five seconds as a new line otherwise (a log file, CI).
 */
final class Progress implements AutoCloseable {

  private final PrintStream out;
  private final boolean terminal;
  private final Instant start = Instant.now();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "scenario-progress");
            thread.setDaemon(true);
            return thread;
          });
  private String phase;
  private Supplier<String> detail = () -> "";

  Progress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    long period = terminal ? 1 : 5;
    ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.SECONDS);
  }

  /** A new phase begins; {@code detail} is asked for its status at every refresh. */
  synchronized void phase(String name, Supplier<String> detail) {
    this.phase = name;
    this.detail = detail;
    print(false);
  }

  /** The current phase ended: its last line stays, followed by {@code outcome}. */
  synchronized void done(String outcome) {
    if (phase == null) {
      return;
    }
    if (terminal) {
      out.print("\r\033[K");
    }
    out.printf("%s  %-12s %s%n", clock(), phase, outcome);
    out.flush();
    phase = null;
  }

  private synchronized void tick() {
    if (phase != null) {
      print(true);
    }
  }

  private void print(boolean refresh) {
    String line = String.format("%s  %-12s %s", clock(), phase, safeDetail());
    if (terminal) {
      out.print("\r\033[K" + line);
    } else if (refresh || !line.isBlank()) {
      out.println(line);
    }
    out.flush();
  }

  private String safeDetail() {
    try {
      return detail.get();
    } catch (RuntimeException e) {
      return "…";
    }
  }

  private String clock() {
    Duration elapsed = Duration.between(start, Instant.now());
    return String.format("[%02d:%02d]", elapsed.toMinutes(), elapsed.toSecondsPart());
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
