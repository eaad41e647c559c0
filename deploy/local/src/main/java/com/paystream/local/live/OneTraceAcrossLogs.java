package com.paystream.local.live;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (c) One webhook can be followed across the services: the {@code trace_id} of a gateway log line
 * about a webhook is in the relay's, the ledger's and reconciliation's logs.
 */
final class OneTraceAcrossLogs implements Check {

  static final List<String> FOLLOWERS = List.of("relay", "ledger", "reconciliation");

  @Override
  public String name() {
    return "one trace id across the gateway, relay, ledger and reconciliation logs";
  }

  @Override
  public CheckResult run(LiveStack stack, PrintStream out) {
    try {
      List<String> gateway = lines(stack.logs().get("gateway"));
      Map<String, List<String>> others = new LinkedHashMap<>();
      for (String service : FOLLOWERS) {
        others.put(service, lines(stack.logs().get(service)));
      }
      TraceAcrossLogs.Outcome outcome = TraceAcrossLogs.check(gateway, others);
      return CheckResult.of(name(), outcome.passed(), outcome.describe(FOLLOWERS), List.of());
    } catch (IOException e) {
      return CheckResult.of(name(), false, "cannot read the logs: " + e.getMessage(), List.of());
    }
  }

  private static List<String> lines(Path log) throws IOException {
    return LogLines.of(log);
  }
}
