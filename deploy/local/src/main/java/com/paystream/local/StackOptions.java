package com.paystream.local;

import com.paystream.local.scenario.ScenarioSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * @param command what to do: run the stack, or only verify its journal, list its backups
 * @param databases how PostgreSQL runs: standbys, backups and where they are kept
 * @param restore for {@link Command#RESTORE}: to which instant, and from what
 * @param cluster three brokers and two instances of every service, and with the scenario maybe the
 *     chaos day
 * @param observation a real Prometheus beside the stack, and the live check run against it
 */
record StackOptions(
    Path dataDir,
    boolean fresh,
    Duration readyTimeout,
    boolean help,
    Optional<ScenarioSettings> scenario,
    boolean exitAfterScenario,
    Command command,
    DatabaseOptions databases,
    Optional<Restore> restore,
    ClusterOptions cluster,
    Observation observation) {

  static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

  /** Eight services starting at once on two cores take longer than four. */
  static final Duration DEFAULT_CLUSTER_READY_TIMEOUT = Duration.ofSeconds(360);

  /**
   * Cluster mode.
   *
   * @param enabled three KRaft brokers (one quorum), two instances of every service
   * @param chaos faults on a timeline while the day trades (kill the active controller, one
   *     instance of each service, freeze a ledger, kill the PostgreSQL primary)
   */
  record ClusterOptions(boolean enabled, boolean chaos) {

    static final ClusterOptions OFF = new ClusterOptions(false, false);

    /** How long a chaos day trades by default: about as long as its faults take on two cores. */
    static final Duration CHAOS_TRADING_TIME = Duration.ofSeconds(240);
  }

  /**
   * Prometheus beside the stack.
   *
   * @param prometheus start {@code prometheus} (from the PATH) as one more child, scraping the four
   *     services with {@code deploy/observability/local/prometheus.yml} and the fast thresholds
   * @param liveCheck after the day, check the dashboards, the alerts and the logs against the
   *     running stack (implies {@code prometheus} and {@code --exit}; exit status 0 when all
   *     passed)
   */
  record Observation(boolean prometheus, boolean liveCheck) {

    static final Observation OFF = new Observation(false, false);

    /** A live check's default day: enough for every panel, short enough for a check. */
    static final int LIVE_CHECK_PAYMENTS = 60;

    /**
     * A live check's default share of dropped webhooks: the lost-order and status-query panels need
     * at least one lost order, and at the usual 2 % a 60-payment day has none about every third
     * time; at 10 % about one day in 500.
     */
    static final double LIVE_CHECK_DROP_RATE = 0.1;
  }

  /** What the launcher is asked to do. */
  enum Command {
    /** Start the stack (and the day scenario, unless --no-scenario). */
    RUN,
    /** Verify the journal of the stack already running; start nothing. */
    VERIFY_JOURNAL,
    /** List the backups and what each can restore to; start nothing. */
    BACKUPS,
    /** Restore the databases to an instant into a new data directory, then start the stack. */
    RESTORE
  }

  /**
   * How the stack's PostgreSQL runs.
   *
   * @param replicas a synchronous standby, a delayed standby, the WAL archive and scheduled base
   *     backups (on by default); off runs one server alone
   * @param standbyDelay how far behind the delayed standby applies the primary's changes
   * @param backupDir where the WAL archive and base backups are kept: outside the data directory,
   *     so that a day scenario (which starts from empty data) never deletes them
   * @param hourlyDays how many days hourly base backups are kept
   * @param dailyDays how many days daily base backups are kept
   */
  record DatabaseOptions(
      boolean replicas, Duration standbyDelay, Path backupDir, int hourlyDays, int dailyDays) {

    static final Duration DEFAULT_STANDBY_DELAY = Duration.ofHours(1);
    static final int DEFAULT_HOURLY_DAYS = 2;
    static final int DEFAULT_DAILY_DAYS = 30;

    static DatabaseOptions defaults(Path backupDir) {
      return new DatabaseOptions(
          true, DEFAULT_STANDBY_DELAY, backupDir, DEFAULT_HOURLY_DAYS, DEFAULT_DAILY_DAYS);
    }
  }

  /**
   * A restore of the databases.
   *
   * @param to the instant to restore to (everything committed before it, nothing after); empty to
   *     take the synchronous standby as it is
   * @param source what to restore from
   */
  record Restore(Optional<Instant> to, Source source) {

    /** Where the restored data comes from. */
    enum Source {
      /** The newest base backup before the instant, plus the archived WAL up to it. */
      BACKUP,
      /** The delayed standby, replayed up to the instant (only within its delay). */
      DELAYED_STANDBY,
      /** The synchronous standby with everything it has: the primary's data is lost. */
      STANDBY
    }
  }

  boolean verifyJournal() {
    return command == Command.VERIFY_JOURNAL;
  }

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
          "  --no-replicas    run PostgreSQL alone: no standbys, no WAL archive, no backups",
          "  --standby-delay S  seconds the delayed standby stays behind (default "
              + DatabaseOptions.DEFAULT_STANDBY_DELAY.toSeconds()
              + ")",
          "  --backup-dir DIR WAL archive and base backups (default: deploy/local/backups; a day"
              + " scenario",
          "                   wipes the data directory, never this one)",
          "  --hourly-days N  keep hourly base backups N days (default "
              + DatabaseOptions.DEFAULT_HOURLY_DAYS
              + ")",
          "  --daily-days M   keep daily base backups M days (default "
              + DatabaseOptions.DEFAULT_DAILY_DAYS
              + ")",
          "  --cluster        three Kafka brokers (RF 3, min ISR 2) and two instances of every"
              + " service",
          "  --chaos          with --cluster: kill the active controller, one instance of each"
              + " service,",
          "                   freeze a ledger, kill the PostgreSQL primary, while the day trades",
          "  --trading-seconds S  spread trading over S seconds (default: as fast as it goes;"
              + " "
              + ClusterOptions.CHAOS_TRADING_TIME.toSeconds()
              + " with --chaos)",
          "  --prometheus     also start Prometheus (from the PATH; apt-get install prometheus) on"
              + " 127.0.0.1:9090,",
          "                   scraping every service with deploy/observability/local/prometheus.yml"
              + " (fast thresholds)",
          "  --live-check     with Prometheus, run a short day (default "
              + Observation.LIVE_CHECK_PAYMENTS
              + " payments, --drop "
              + Observation.LIVE_CHECK_DROP_RATE
              + "), then check every",
          "                   dashboard panel has data, that a frozen ledger fires"
              + " CallbackUnconfirmedTooLong",
          "                   but not TrialBalanceImbalance, and the logs (no secrets, one trace);"
              + " then stop",
          "                   (exit status 0 when everything passed; single node only)",
          "usage: local-stack backups [--backup-dir DIR]",
          "  Lists the base backups and the instants each can restore to; starts nothing.",
          "usage: local-stack restore (--to INSTANT [--from-delayed-standby] | --from-standby)"
              + " [--backup-dir DIR] [--data-dir DIR]",
          "  Restores the databases to INSTANT (e.g. 2026-12-06T10:15:00Z) from the newest base"
              + " backup",
          "  before it plus the archived WAL, into a new data directory (the old one is kept"
              + " beside it),",
          "  and starts the stack on it without a scenario; the services re-converge from Kafka.",
          "  --from-delayed-standby  promote the delayed standby at INSTANT instead (only within"
              + " its delay)",
          "  --from-standby   the primary's data is lost: promote the synchronous standby with"
              + " all it has",
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

  /** The default backup directory is beside the default data directory. */
  static StackOptions parse(Path defaultDataDir, LongSupplier randomSeed, String... args) {
    Command command = Command.RUN;
    int first = 0;
    if (args.length > 0 && args[0].equals("backups")) {
      command = Command.BACKUPS;
      first = 1;
    } else if (args.length > 0 && args[0].equals("restore")) {
      command = Command.RESTORE;
      first = 1;
    }
    Path dataDir = defaultDataDir;
    Path backupDir = defaultDataDir.resolveSibling("backups");
    boolean replicas = true;
    Duration standbyDelay = DatabaseOptions.DEFAULT_STANDBY_DELAY;
    int hourlyDays = DatabaseOptions.DEFAULT_HOURLY_DAYS;
    int dailyDays = DatabaseOptions.DEFAULT_DAILY_DAYS;
    Instant restoreTo = null;
    Restore.Source source = Restore.Source.BACKUP;
    boolean fresh = false;
    boolean help = false;
    boolean scenario = true;
    boolean exit = false;
    boolean verifyJournal = false;
    Duration readyTimeout = null;
    boolean cluster = false;
    boolean chaos = false;
    boolean prometheus = false;
    boolean liveCheck = false;
    boolean paymentsGiven = false;
    boolean dropGiven = false;
    Duration tradingTime = null;
    ScenarioSettings day = ScenarioSettings.defaults(randomSeed.getAsLong());
    for (int i = first; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--no-replicas" -> replicas = false;
        case "--cluster" -> cluster = true;
        case "--prometheus" -> prometheus = true;
        case "--live-check" -> liveCheck = true;
        case "--chaos" -> chaos = true;
        case "--trading-seconds" -> tradingTime = Duration.ofSeconds(positive(args, ++i, option));
        case "--standby-delay" -> standbyDelay = Duration.ofSeconds(positive(args, ++i, option));
        case "--backup-dir" -> backupDir = Path.of(value(args, ++i, option));
        case "--hourly-days" -> hourlyDays = (int) positive(args, ++i, option);
        case "--daily-days" -> dailyDays = (int) positive(args, ++i, option);
        case "--to" -> restoreTo = instant(args, ++i, option);
        case "--from-delayed-standby" -> source = Restore.Source.DELAYED_STANDBY;
        case "--from-standby" -> source = Restore.Source.STANDBY;
        case "--fresh" -> fresh = true;
        case "--help", "-h" -> help = true;
        case "--no-scenario" -> scenario = false;
        case "--exit" -> exit = true;
        case "--verify-journal" -> verifyJournal = true;
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
        case "--ready-timeout" -> readyTimeout = Duration.ofSeconds(positive(args, ++i, option));
        case "--payments" -> {
          day = day.withPayments((int) positive(args, ++i, option));
          paymentsGiven = true;
        }
        case "--seed" -> day = day.withSeed(number(args, ++i, option));
        case "--drop" -> {
          day = day.withFaults(rate(args, ++i, option), day.duplicateRate(), day.delayRate());
          dropGiven = true;
        }
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
    if (verifyJournal) {
      command = Command.VERIFY_JOURNAL;
    }
    boolean fromStandby = source == Restore.Source.STANDBY;
    if (command == Command.RESTORE && (restoreTo == null) != fromStandby && !help) {
      throw new IllegalArgumentException(
          fromStandby
              ? "--from-standby takes the standby as it is, without --to"
              : "restore needs --to INSTANT, e.g. 2026-12-06T10:15:00Z");
    }
    if (command != Command.RESTORE && (restoreTo != null || source != Restore.Source.BACKUP)) {
      throw new IllegalArgumentException("--to and --from-… go with restore");
    }
    if (command == Command.RESTORE && fresh) {
      throw new IllegalArgumentException("restore keeps the data directory: not with --fresh");
    }
    if (command == Command.RESTORE && !replicas) {
      throw new IllegalArgumentException("restore needs the WAL archive: not with --no-replicas");
    }
    // Only a run starts a day: a restore keeps the restored data, the others start nothing.
    scenario = scenario && command == Command.RUN;
    if (exit && !scenario) {
      throw new IllegalArgumentException("--exit goes with the scenario, not with --no-scenario");
    }
    if (cluster && command == Command.RESTORE) {
      throw new IllegalArgumentException(
          "restore starts the stack with one broker: not with --cluster");
    }
    if (chaos && !cluster) {
      throw new IllegalArgumentException("--chaos needs --cluster: it kills one of several");
    }
    if (chaos && !scenario) {
      throw new IllegalArgumentException("--chaos happens during the day: not with --no-scenario");
    }
    if (chaos && !replicas) {
      throw new IllegalArgumentException(
          "--chaos kills the PostgreSQL primary, whose synchronous standby keeps the books: not"
              + " with --no-replicas");
    }
    if (liveCheck && (!scenario || command != Command.RUN)) {
      throw new IllegalArgumentException(
          "--live-check runs a day and checks the stack it ran on: not with --no-scenario");
    }
    if ((prometheus || liveCheck) && cluster) {
      throw new IllegalArgumentException(
          "--prometheus and --live-check watch the single-node stack (the ports of"
              + " local/prometheus.yml): not with --cluster");
    }
    if (liveCheck && !paymentsGiven) {
      day = day.withPayments(Observation.LIVE_CHECK_PAYMENTS);
    }
    if (liveCheck && !dropGiven) {
      day = day.withFaults(Observation.LIVE_CHECK_DROP_RATE, day.duplicateRate(), day.delayRate());
    }
    if (tradingTime == null && chaos) {
      tradingTime = ClusterOptions.CHAOS_TRADING_TIME;
    }
    if (tradingTime != null) {
      day = day.withTradingTime(tradingTime);
    }
    if (readyTimeout == null) {
      readyTimeout = cluster ? DEFAULT_CLUSTER_READY_TIMEOUT : DEFAULT_READY_TIMEOUT;
    }
    return new StackOptions(
        dataDir.toAbsolutePath().normalize(),
        fresh || scenario,
        readyTimeout,
        help,
        scenario ? Optional.of(day) : Optional.empty(),
        exit || liveCheck,
        command,
        new DatabaseOptions(
            replicas, standbyDelay, backupDir.toAbsolutePath().normalize(), hourlyDays, dailyDays),
        command == Command.RESTORE
            ? Optional.of(new Restore(Optional.ofNullable(restoreTo), source))
            : Optional.empty(),
        new ClusterOptions(cluster, chaos),
        new Observation(prometheus || liveCheck, liveCheck));
  }

  private static Instant instant(String[] args, int index, String option) {
    String value = value(args, index, option);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + " needs an instant with its offset, e.g. 2026-12-06T10:15:00Z, not '"
              + value
              + "'",
          e);
    }
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
