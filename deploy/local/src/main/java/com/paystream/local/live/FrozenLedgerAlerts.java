package com.paystream.local.live;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * (b) With the ledger frozen and callbacks still arriving, Prometheus fires the alert that says the
 * books fall behind, and never the one that says they are wrong.
 */
final class FrozenLedgerAlerts implements Check {

  /**
   * Either says the ledger stopped confirming; with the fast thresholds the first fires in ~40 s.
   */
  static final Set<String> EXPECTED = Set.of("CallbackUnconfirmedTooLong", "ConsumerLagHigh");

  /** A frozen ledger books nothing, so nothing can unbalance. */
  static final String MUST_STAY_SILENT = "TrialBalanceImbalance";

  /**
   * The fast ticket threshold is 30 s, plus the relay's 5 s refresh, a scrape and an evaluation.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(180);

  private static final Duration POLL = Duration.ofSeconds(2);

  /** What one look at the alerts says. */
  enum Verdict {
    WAITING,
    FIRED,
    WRONG_ALERT
  }

  static Verdict judge(List<PrometheusApi.Alert> alerts) {
    if (alerts.stream().anyMatch(alert -> alert.name().equals(MUST_STAY_SILENT))) {
      return Verdict.WRONG_ALERT;
    }
    return alerts.stream().anyMatch(alert -> alert.firing() && EXPECTED.contains(alert.name()))
        ? Verdict.FIRED
        : Verdict.WAITING;
  }

  @Override
  public String name() {
    return "a frozen ledger fires CallbackUnconfirmedTooLong, not TrialBalanceImbalance";
  }

  @Override
  public CheckResult run(LiveStack stack, PrintStream out) throws InterruptedException {
    PrometheusApi prometheus = new PrometheusApi(stack.prometheusUrl());
    WebhookTraffic traffic = new WebhookTraffic(stack.gatewayUrl());
    List<String> details = new ArrayList<>();
    Instant frozenAt = Instant.now();
    out.println("  freezing the ledger (SIGSTOP); sending a signed callback every 2 s");
    out.flush();
    stack.freezeLedger();
    Optional<Duration> firedAfter = Optional.empty();
    List<PrometheusApi.Alert> seen = List.of();
    int sent = 0;
    int accepted = 0;
    try {
      Instant deadline = frozenAt.plus(TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        int status = traffic.sendSigned();
        sent++;
        if (status >= 200 && status < 300) {
          accepted++;
        }
        try {
          seen = prometheus.alerts();
        } catch (PrometheusApi.Unanswered e) {
          details.add("alerts unanswered once: " + e.getMessage());
          seen = List.of();
        }
        Verdict verdict = judge(seen);
        if (verdict == Verdict.WRONG_ALERT) {
          details.add(MUST_STAY_SILENT + " is " + state(seen, MUST_STAY_SILENT));
          break;
        }
        if (verdict == Verdict.FIRED) {
          firedAfter = Optional.of(Duration.between(frozenAt, Instant.now()));
          break;
        }
        Thread.sleep(POLL.toMillis());
      }
    } finally {
      stack.resumeLedger();
      out.println("  resumed the ledger (SIGCONT)");
      out.flush();
    }
    details.add(
        sent + " callbacks sent while frozen, " + accepted + " acknowledged by the gateway");
    details.add("alerts at the end: " + describe(seen));
    boolean silentAllAlong = silentAllAlong(prometheus, stack.observedSince(), details);
    List<PrometheusApi.Alert> last = seen;
    boolean passed = firedAfter.isPresent() && silentAllAlong && judge(last) != Verdict.WRONG_ALERT;
    String summary =
        firedAfter
            .map(
                after ->
                    firing(last)
                        + " firing "
                        + after.toSeconds()
                        + " s after the freeze"
                        + (silentAllAlong
                            ? "; " + MUST_STAY_SILENT + " never pending or firing"
                            : ""))
            .orElse("nothing of " + EXPECTED + " fired within " + TIMEOUT.toSeconds() + " s");
    return CheckResult.of(name(), passed, summary, details);
  }

  /** Over the whole run, day included: Prometheus's own ALERTS series. */
  private static boolean silentAllAlong(
      PrometheusApi prometheus, Instant since, List<String> details) {
    try {
      int series =
          prometheus.seriesOver(
              "ALERTS{alertname=\"" + MUST_STAY_SILENT + "\"}", since, Instant.now());
      if (series > 0) {
        details.add(
            MUST_STAY_SILENT + " was pending or firing during the run (" + series + " series)");
      }
      return series == 0;
    } catch (PrometheusApi.Unanswered e) {
      details.add("cannot ask for ALERTS over the run: " + e.getMessage());
      return false;
    }
  }

  private static String state(List<PrometheusApi.Alert> alerts, String name) {
    return alerts.stream()
        .filter(alert -> alert.name().equals(name))
        .map(PrometheusApi.Alert::state)
        .findFirst()
        .orElse("absent");
  }

  private static String firing(List<PrometheusApi.Alert> alerts) {
    return alerts.stream()
        .filter(alert -> alert.firing() && EXPECTED.contains(alert.name()))
        .map(
            alert ->
                alert.name() + "{severity=" + alert.labels().getOrDefault("severity", "?") + "}")
        .distinct()
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  static String describe(List<PrometheusApi.Alert> alerts) {
    if (alerts.isEmpty()) {
      return "none";
    }
    return String.join(
        ", ",
        alerts.stream()
            .map(
                alert ->
                    alert.name()
                        + "{"
                        + alert
                            .labels()
                            .getOrDefault("job", alert.labels().getOrDefault("severity", ""))
                        + "} "
                        + alert.state())
            .distinct()
            .toList());
  }
}
