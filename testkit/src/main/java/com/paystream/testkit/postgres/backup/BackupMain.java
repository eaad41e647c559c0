package com.paystream.testkit.postgres.backup;

import com.paystream.testkit.postgres.Postgres;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The backup archive from the command line:
 *
 * <pre>
 * list    --archive DIR
 * take    --archive DIR --host H --port P --data-dir DIR [--kind HOURLY|DAILY]
 * prune   --archive DIR [--hourly-days N] [--daily-days M]
 * restore --archive DIR --to INSTANT --data-dir NEWDIR [--port P]
 * </pre>
 *
 * {@code restore} without {@code --port} only prepares the data directory; with it, it starts the
 * restored server, prints {@code POSTGRES READY port=N} once it is promoted and runs it until
 * SIGTERM, as {@code PostgresMain} does. Exit status 2 when a restore is refused, 1 for bad
 * arguments.
 */
public final class BackupMain {

  private static final String USAGE =
      String.join(
          "\n",
          "usage: BackupMain list    --archive DIR",
          "       BackupMain take    --archive DIR --host H --port P --data-dir DIR"
              + " [--kind HOURLY|DAILY]",
          "       BackupMain prune   --archive DIR [--hourly-days N] [--daily-days M]",
          "       BackupMain restore --archive DIR --to INSTANT --data-dir NEWDIR [--port P]");

  private BackupMain() {}

  public static void main(String[] args) throws InterruptedException {
    try {
      run(args, System.out);
    } catch (RestoreRefusedException e) {
      System.err.println("restore refused: " + e.getMessage());
      System.exit(2);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(1);
    }
  }

  static void run(String[] args, PrintStream out) throws InterruptedException {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing subcommand");
    }
    Map<String, String> options = options(args);
    Path archive = Path.of(required(options, "--archive"));
    switch (args[0]) {
      case "list" -> out.print(table(BackupCatalogue.read(archive)));
      case "take" -> take(archive, options, out);
      case "prune" -> prune(archive, options, out);
      case "restore" -> restore(archive, options, out);
      default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
    }
  }

  private static void take(Path archive, Map<String, String> options, PrintStream out) {
    PGSimpleDataSource superuser = new PGSimpleDataSource();
    superuser.setServerNames(new String[] {required(options, "--host")});
    superuser.setPortNumbers(new int[] {integer(options, "--port")});
    superuser.setDatabaseName("postgres");
    superuser.setUser(Postgres.USERNAME);
    superuser.setPassword(Postgres.PASSWORD);
    BackupKind kind = BackupKind.valueOf(options.getOrDefault("--kind", "HOURLY"));
    BackupTaker taker =
        new BackupTaker(
            superuser,
            Path.of(required(options, "--data-dir")).toAbsolutePath(),
            BackupArchive.at(archive),
            Clock.systemUTC());
    BackupManifest manifest = taker.take(kind);
    out.println("TOOK " + manifest.id());
  }

  private static void prune(Path archive, Map<String, String> options, PrintStream out) {
    BackupPolicy policy = BackupPolicy.defaults();
    if (options.containsKey("--hourly-days")) {
      policy = policy.withHourlyKept(Duration.ofDays(integer(options, "--hourly-days")));
    }
    if (options.containsKey("--daily-days")) {
      policy = policy.withDailyKept(Duration.ofDays(integer(options, "--daily-days")));
    }
    BackupArchive backups = BackupArchive.existing(archive);
    RetentionPlan plan = policy.retention(Instant.now(), backups.read());
    backups.apply(plan);
    plan.backupIds().forEach(id -> out.println("REMOVED backup " + id));
    out.println("REMOVED " + plan.walFiles().size() + " WAL files");
  }

  private static void restore(Path archive, Map<String, String> options, PrintStream out)
      throws InterruptedException {
    Instant target = instant(required(options, "--to"));
    Path dataDir = Path.of(required(options, "--data-dir")).toAbsolutePath();
    if (!options.containsKey("--port")) {
      BackupManifest backup = PointInTimeRestore.restore(archive, target, dataDir);
      out.println("PREPARED " + dataDir + " from " + backup.id() + " to " + target);
      return;
    }
    Postgres restored =
        PointInTimeRestore.restore(archive, target, dataDir, integer(options, "--port"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  restored.close();
                  stopped.countDown();
                },
                "postgres-shutdown"));
    out.println("POSTGRES READY port=" + restored.port());
    out.flush();
    stopped.await();
  }

  /** The catalogue as a table, one backup a line, oldest first. */
  public static String table(List<BackupCatalogue.Entry> entries) {
    String format = "%-26s %-7s %-27s %-27s %12s  %s%n";
    StringBuilder table =
        new StringBuilder(
            String.format(
                format, "ID", "KIND", "STARTED", "STOPPED", "SIZE", "RESTORABLE FROM -> TO"));
    for (BackupCatalogue.Entry entry : entries) {
      Optional<BackupManifest> manifest = entry.manifest();
      table.append(
          String.format(
              format,
              entry.id(),
              manifest.map(m -> m.kind().name()).orElse("-"),
              entry.started(),
              manifest.map(m -> m.stopped().toString()).orElse("(incomplete)"),
              manifest.map(m -> Long.toString(m.sizeBytes())).orElse("-"),
              range(entry)));
    }
    return table.toString();
  }

  private static String range(BackupCatalogue.Entry entry) {
    if (!entry.isComplete()) {
      return "-";
    }
    return entry
        .range()
        .map(
            range ->
                range.from()
                    + " -> "
                    + range.to().map(Instant::toString).orElse("(no commit mark archived yet)"))
        .orElse("(WAL missing between its start and stop)");
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value at " + args[i]);
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }

  private static int integer(Map<String, String> options, String name) {
    try {
      return Integer.parseInt(required(options, name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + name + " " + options.get(name), e);
    }
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not an instant (ISO-8601 in UTC, e.g. 2026-12-06T02:10:00Z): " + value, e);
    }
  }
}
