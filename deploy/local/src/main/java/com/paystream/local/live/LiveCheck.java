package com.paystream.local.live;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The live check on a stack that just ran its day under a real Prometheus: waits until Prometheus
 * has scraped every service, sends one badly signed webhook (so that the refusal panels have
 * something to show), then runs the panel check, the frozen-ledger alert check and {@link
 * #FURTHER}, and prints one report.
 */
public final class LiveCheck {

  /** Checks run last on the same stack; add one here. */
  static final List<Check> FURTHER = List.of(new NoSecretsInLogs(), new OneTraceAcrossLogs());

  static final String JOBS = "payment-gateway-svc|callback-relay-svc|ledger-svc|reconciliation-svc";
  private static final Duration SCRAPED_TIMEOUT = Duration.ofSeconds(90);

  /**
   * How long the last series of the day may take to be recorded: two scrapes and an evaluation (15
   * s at the local 5 s intervals), more on a loaded machine.
   */
  private static final Duration LATE_SERIES_TIMEOUT = Duration.ofSeconds(90);

  /**
   * Series that appear only at the end of the day: the refused webhook's, and the trial balance the
   * ledger's day close sets. The panel check waits for them rather than racing the scrape.
   */
  static final List<String> LATE_SERIES =
      List.of(
          "paystream:webhook_rejections:increase1h > 0",
          "paystream:trial_balance_imbalance_minor:maxabs");

  private final LiveStack stack;
  private final PrintStream out;

  public LiveCheck(LiveStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  /**
   * @param day how the day went, reported as the first check
   */
  public Report run(CheckResult day) {
    Instant started = Instant.now();
    List<CheckResult> results = new ArrayList<>();
    results.add(day);
    out.printf("%nLive check against Prometheus at %s%n", stack.prometheusUrl());
    out.flush();
    try {
      CheckResult scraped = timed(this::awaitScraped);
      results.add(scraped);
      if (scraped.passed()) {
        out.println("  one webhook with a bad signature, for the refusal panels");
        new WebhookTraffic(stack.gatewayUrl()).sendBadlySigned();
        awaitLateSeries();
        List<Check> checks =
            new ArrayList<>(List.of(new PanelsHaveData(), new FrozenLedgerAlerts()));
        checks.addAll(FURTHER);
        for (Check check : checks) {
          out.println("  checking: " + check.name());
          out.flush();
          results.add(timed(() -> safely(check)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      results.add(CheckResult.of("live check", false, "interrupted", List.of()));
    }
    Report report = new Report(results, Duration.between(started, Instant.now()));
    out.print(report.render());
    out.flush();
    return report;
  }

  private CheckResult safely(Check check) throws InterruptedException {
    try {
      return check.run(stack, out);
    } catch (RuntimeException e) {
      return CheckResult.of(check.name(), false, "could not run: " + e, List.of());
    }
  }

  /** Every service scraped successfully and the recording rules evaluated. */
  private CheckResult awaitScraped() throws InterruptedException {
    String name = "Prometheus scrapes all four services";
    PrometheusApi prometheus = new PrometheusApi(stack.prometheusUrl());
    Instant deadline = Instant.now().plus(SCRAPED_TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      try {
        int up = prometheus.seriesNow("up{job=~\"" + JOBS + "\"} == 1");
        int recorded = prometheus.seriesNow("paystream:relay_backlog:max");
        if (up == 4 && recorded > 0) {
          return CheckResult.of(name, true, "4 of 4 targets up, rules evaluated", List.of());
        }
        last = up + " of 4 targets up, " + (recorded > 0 ? "" : "no ") + "recorded series";
      } catch (PrometheusApi.Unanswered e) {
        last = e.getMessage();
      }
      Thread.sleep(1000);
    }
    return CheckResult.of(
        name, false, "not within " + SCRAPED_TIMEOUT.toSeconds() + " s: " + last, List.of());
  }

  /** Waits until every {@link #LATE_SERIES} is recorded; on timeout the panel check says which. */
  private void awaitLateSeries() throws InterruptedException {
    PrometheusApi prometheus = new PrometheusApi(stack.prometheusUrl());
    Instant deadline = Instant.now().plus(LATE_SERIES_TIMEOUT);
    List<String> waiting = new ArrayList<>(LATE_SERIES);
    while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
      for (String expr : List.copyOf(waiting)) {
        try {
          if (prometheus.seriesNow(expr) > 0) {
            waiting.remove(expr);
          }
        } catch (PrometheusApi.Unanswered e) {
          // Prometheus busy: ask again
        }
      }
      if (!waiting.isEmpty()) {
        Thread.sleep(1000);
      }
    }
  }

  private interface Step {
    CheckResult run() throws InterruptedException;
  }

  private static CheckResult timed(Step step) throws InterruptedException {
    Instant start = Instant.now();
    CheckResult result = step.run();
    return result.took(Duration.between(start, Instant.now()));
  }

  /** Every check's result, and the report printed at the end. */
  public record Report(List<CheckResult> results, Duration took) {

    public Report {
      results = List.copyOf(results);
    }

    public boolean passed() {
      return results.stream().allMatch(CheckResult::passed);
    }

    public String render() {
      StringBuilder out = new StringBuilder("\nLive check (" + took.toSeconds() + " s):\n\n");
      for (CheckResult result : results) {
        out.append(
            String.format(
                "  %-4s %s (%d s)%n       %s%n",
                result.passed() ? "ok" : "FAIL",
                result.name(),
                result.took().toSeconds(),
                result.summary()));
        for (String detail : result.details()) {
          out.append("       - ").append(detail).append('\n');
        }
      }
      List<String> failed =
          results.stream().filter(r -> !r.passed()).map(CheckResult::name).toList();
      out.append('\n')
          .append(
              failed.isEmpty()
                  ? "LIVE CHECK PASSED"
                  : "LIVE CHECK FAILED: "
                      + failed.size()
                      + " of "
                      + results.size()
                      + " checks ("
                      + String.join("; ", failed)
                      + ")")
          .append('\n');
      return out.toString();
    }
  }
}
