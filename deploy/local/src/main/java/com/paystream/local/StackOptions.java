package com.paystream.local;

import com.paystream.local.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir where broker data, database files and logs are kept across runs
 * @param fresh whether to delete that data first (always, when the day scenario runs)
 * @param readyTimeout how long the services may take to become ready
 * @param help whether only the usage was asked for
 * @param scenario the day scenario to run once the stack is ready; empty for the stack alone
 * @param exitAfterScenario stop the stack after the scenario's summary instead of staying up
 * @param verifyJournal only verify the journal of the stack already running, start nothing
 */
record StackOptions(
    Path dataDir,
    boolean fresh,
    Duration readyTimeout,
    boolean help,
    Optional<ScenarioSettings> scenario,
    boolean exitAfterScenario,
    boolean verifyJournal) {

  static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

  static final String USAGE =
      String.join(
          "\n",
          "usage: local-stack [--payments N] [--seed S] [--drop R] [--duplicate R] [--delay R]"
              + " [--exit]",
          "                   [--no-scenario] [--fresh] [--data-dir DIR] [--ready-timeout SECONDS]",
          "  Starts the stack from empty and runs a day of payments against it (the day"
              + " scenario),",
          "  prints its summary, and stays up until Ctrl-C (exit status: the scenario's).",
          "  --payments N     payments in the day (default "
              + ScenarioSettings.DEFAULT_PAYMENTS
              + ")",
          "  --seed S         decides the day and its faults (default: random, printed)",
          "  --drop R         share of provider webhooks dropped (default "
              + ScenarioSettings.DEFAULT_DROP_RATE
              + ")",
          "  --duplicate R    share sent twice (default "
              + ScenarioSettings.DEFAULT_DUPLICATE_RATE
              + ")",
          "  --delay R        share delayed or out of order (default "
              + ScenarioSettings.DEFAULT_DELAY_RATE
              + ")",
          "  --exit           stop the stack after the summary",
          "  --no-scenario    only start the stack; its data is kept across runs",
          "  --fresh          delete the data directory (broker, database, logs) before starting",
          "  --data-dir DIR   keep data in DIR (default: deploy/local/data in the repository)",
          "  --ready-timeout  seconds the services may take to become ready (default 120)",
          "usage: local-stack --verify-journal",
          "  Verifies the journal of the stack already running (started elsewhere with"
              + " --no-scenario,",
          "  or kept up after a day): the ledger's offline verifier recomputes every chain and"
              + " seal",
          "  in its database; starts and stops nothing (exit status: 0 valid, 1 broken, 2 could"
              + " not run).",
          "Extra arguments per service: LOCAL_STACK_<NAME>_ARGS or -Dlocal-stack.<name>.args,",
          "  e.g. LOCAL_STACK_LEDGER_ARGS='--logging.level.com.paystream=DEBUG'",
          "  (names: gateway, relay, ledger, reconciliation)");

  static StackOptions parse(Path defaultDataDir, String... args) {
    return parse(defaultDataDir, System::nanoTime, args);
  }

  static StackOptions parse(Path defaultDataDir, LongSupplier randomSeed, String... args) {
    Path dataDir = defaultDataDir;
    boolean fresh = false;
    boolean help = false;
    boolean scenario = true;
    boolean exit = false;
    boolean verifyJournal = false;
    Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    ScenarioSettings day = ScenarioSettings.defaults(randomSeed.getAsLong());
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--fresh" -> fresh = true;
        case "--help", "-h" -> help = true;
        case "--no-scenario" -> scenario = false;
        case "--exit" -> exit = true;
        case "--verify-journal" -> verifyJournal = true;
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
        case "--ready-timeout" -> readyTimeout = Duration.ofSeconds(positive(args, ++i, option));
        case "--payments" -> day = day.withPayments((int) positive(args, ++i, option));
        case "--seed" -> day = day.withSeed(number(args, ++i, option));
        case "--drop" ->
            day = day.withFaults(rate(args, ++i, option), day.duplicateRate(), day.delayRate());
        case "--duplicate" ->
            day = day.withFaults(day.dropRate(), rate(args, ++i, option), day.delayRate());
        case "--delay" ->
            day = day.withFaults(day.dropRate(), day.duplicateRate(), rate(args, ++i, option));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (verifyJournal && args.length > 1 && !help) {
      throw new IllegalArgumentException(
          "--verify-journal checks the stack already running and takes no other option");
    }
    // The verification starts nothing: no scenario, and no data directory is touched.
    scenario = scenario && !verifyJournal;
    if (exit && !scenario) {
      throw new IllegalArgumentException("--exit goes with the scenario, not with --no-scenario");
    }
    return new StackOptions(
        dataDir.toAbsolutePath().normalize(),
        fresh || scenario,
        readyTimeout,
        help,
        scenario ? Optional.of(day) : Optional.empty(),
        exit,
        verifyJournal);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static long number(String[] args, int index, String option) {
    String value = value(args, index, option);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'", e);
    }
  }

  private static long positive(String[] args, int index, String option) {
    long value = number(args, index, option);
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return value;
  }

  private static double rate(String[] args, int index, String option) {
    String value = value(args, index, option);
    try {
      double rate = Double.parseDouble(value);
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(option + " is a share between 0 and 1");
      }
      return rate;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " is a share between 0 and 1", e);
    }
  }
}
