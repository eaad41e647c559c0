package com.paystream.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir where broker data, database files and logs are kept across runs
 * @param fresh whether to delete that data first
 * @param readyTimeout how long the services may take to become ready
 * @param help whether only the usage was asked for
 */
record StackOptions(Path dataDir, boolean fresh, Duration readyTimeout, boolean help) {

  static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

  static final String USAGE =
      String.join(
          "\n",
          "usage: local-stack [--fresh] [--data-dir DIR] [--ready-timeout SECONDS]",
          "  --fresh          delete the data directory (broker, database, logs) before starting",
          "  --data-dir DIR   keep data in DIR (default: deploy/local/data in the repository)",
          "  --ready-timeout  seconds the services may take to become ready (default 120)",
          "Extra arguments per service: LOCAL_STACK_<NAME>_ARGS or -Dlocal-stack.<name>.args,",
          "  e.g. LOCAL_STACK_LEDGER_ARGS='--logging.level.com.paystream=DEBUG'",
          "  (names: gateway, relay, ledger, reconciliation)");

  static StackOptions parse(Path defaultDataDir, String... args) {
    Path dataDir = defaultDataDir;
    boolean fresh = false;
    boolean help = false;
    Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--fresh" -> fresh = true;
        case "--help", "-h" -> help = true;
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir needs a directory"));
        case "--ready-timeout" ->
            readyTimeout = seconds(value(args, ++i, "--ready-timeout needs a number of seconds"));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new StackOptions(dataDir.toAbsolutePath().normalize(), fresh, readyTimeout, help);
  }

  private static String value(String[] args, int index, String missing) {
    if (index >= args.length) {
      throw new IllegalArgumentException(missing);
    }
    return args[index];
  }

  private static Duration seconds(String value) {
    try {
      long seconds = Long.parseLong(value);
      if (seconds <= 0) {
        throw new IllegalArgumentException("--ready-timeout must be positive");
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--ready-timeout needs a number of seconds", e);
    }
  }
}
