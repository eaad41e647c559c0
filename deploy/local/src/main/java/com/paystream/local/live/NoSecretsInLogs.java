package com.paystream.local.live;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * (c) No log of the stack (services, broker, database, Prometheus) holds a secret the launcher
 * generated or passed: database passwords, the webhook signing secret, the seal key, API keys.
 */
final class NoSecretsInLogs implements Check {

  @Override
  public String name() {
    return "no secret in any log";
  }

  @Override
  public CheckResult run(LiveStack stack, PrintStream out) {
    Map<String, String> secrets = stack.secrets();
    SecretsInLogs scanner = new SecretsInLogs(secrets);
    List<String> details = new ArrayList<>();
    List<SecretsInLogs.Leak> leaks = new ArrayList<>();
    long lines = 0;
    for (Map.Entry<String, Path> log : stack.logs().entrySet()) {
      if (!Files.exists(log.getValue())) {
        continue;
      }
      try {
        List<String> content = LogLines.of(log.getValue());
        lines += content.size();
        leaks.addAll(scanner.scan(log.getKey(), content));
      } catch (IOException e) {
        details.add("cannot read " + log.getValue() + ": " + e.getMessage());
      }
    }
    leaks.stream().limit(20).forEach(leak -> details.add(leak.toString()));
    if (leaks.size() > 20) {
      details.add("… and " + (leaks.size() - 20) + " more");
    }
    return CheckResult.of(
        name(),
        leaks.isEmpty() && details.isEmpty(),
        secrets.size()
            + " secrets ("
            + scanner.secrets()
            + " forms) looked for in "
            + lines
            + " lines of "
            + stack.logs().size()
            + " logs: "
            + (leaks.isEmpty() ? "none found" : leaks.size() + " found"),
        details);
  }
}
