package com.paystream.local.live;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * (a) Every query of every panel of every dashboard returns at least one series over the time
 * Prometheus has watched the stack, unless the committed allow-list says why it cannot.
 */
final class PanelsHaveData implements Check {

  static final Path DASHBOARDS = Path.of("deploy", "observability", "grafana", "dashboards");
  static final Path NO_DATA_ALLOWED =
      Path.of("deploy", "observability", "local", "live-check-no-data.txt");

  /** What Grafana's {@code $__rate_interval} would be at a 5 s scrape interval: four of them. */
  private static final Duration RATE_INTERVAL = Duration.ofSeconds(20);

  @Override
  public String name() {
    return "every dashboard panel has data";
  }

  @Override
  public CheckResult run(LiveStack stack, PrintStream out) {
    PrometheusApi prometheus = new PrometheusApi(stack.prometheusUrl());
    List<PanelQuery> queries = queries(stack.repositoryRoot().resolve(DASHBOARDS));
    NoDataAllowed allowed = allowList(stack.repositoryRoot().resolve(NO_DATA_ALLOWED));
    Instant start = stack.observedSince();
    Instant end = Instant.now();
    Duration range = Duration.between(start, end);
    List<String> failures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int withData = 0;
    for (PanelQuery query : queries) {
      String expr = GrafanaVariables.substitute(query.expr(), RATE_INTERVAL, range);
      int series;
      try {
        series = prometheus.seriesOver(expr, start, end);
      } catch (PrometheusApi.Unanswered e) {
        failures.add(query.key() + ": " + e.getMessage() + "\n      " + expr);
        continue;
      }
      var reason = allowed.reason(query);
      if (series > 0) {
        withData++;
        reason.ifPresent(
            why -> notes.add(query.key() + " has data although allowed not to: drop its line"));
      } else if (reason.isPresent()) {
        notes.add(query.key() + ": no data, allowed (" + reason.get() + ")");
      } else {
        failures.add(query.key() + ": no data\n      " + expr);
      }
    }
    allowed.unknown(queries).forEach(key -> failures.add("allow-list names no query: " + key));
    List<String> details = new ArrayList<>(failures);
    details.addAll(notes);
    return CheckResult.of(
        name(),
        failures.isEmpty(),
        withData
            + " of "
            + queries.size()
            + " queries returned data over the last "
            + range.toSeconds()
            + " s"
            + (failures.isEmpty() ? "" : "; " + failures.size() + " failed"),
        details);
  }

  static List<PanelQuery> queries(Path dashboards) {
    try (Stream<Path> files = Files.list(dashboards)) {
      List<PanelQuery> queries = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        queries.addAll(PanelQuery.of(Files.readString(file)));
      }
      return queries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboards in " + dashboards, e);
    }
  }

  private static NoDataAllowed allowList(Path file) {
    try {
      return Files.exists(file) ? NoDataAllowed.parse(Files.readString(file)) : NoDataAllowed.NONE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
