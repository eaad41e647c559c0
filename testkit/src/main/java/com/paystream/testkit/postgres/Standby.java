package com.paystream.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standbys of a kit PostgreSQL: a base backup of the primary ({@link BaseBackup}), {@code
 * standby.signal}, and the recovery settings, streaming from the primary as the superuser.
 */
public final class Standby {

  private static final Logger log = LoggerFactory.getLogger(Standby.class);
  private static final Duration PROMOTION_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final DateTimeFormatter RECOVERY_TARGET_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private Standby() {}

  /**
   * Starts a standby of {@code primary} and returns once it is open for reading. The first start on
   * an empty data directory copies the primary; later starts resume from what the directory holds.
   * A delayed standby becomes readable as soon as it has replayed its copy (the delay applies only
   * from then on), so this does not wait for the delay.
   */
  public static Postgres start(Postgres primary, StandbyOptions options) {
    return start(
        primary.host(), primary.port(), primary.dataSource("postgres"), primary.dataDir(), options);
  }

  /**
   * The same for a primary another process runs on this machine: {@code primaryDataDir} is where
   * the base backup is copied from.
   */
  public static Postgres start(
      String primaryHost, int primaryPort, Path primaryDataDir, StandbyOptions options) {
    return start(
        primaryHost, primaryPort, superuser(primaryHost, primaryPort), primaryDataDir, options);
  }

  private static Postgres start(
      String primaryHost,
      int primaryPort,
      DataSource primary,
      Path primaryDataDir,
      StandbyOptions options) {
    Path dir = options.dataDir().toAbsolutePath();
    if (isEmpty(dir)) {
      BaseBackup.copy(primary, primaryDataDir, dir, "standby " + options.applicationName());
      // Only here: promotion removes it, and a promoted standby started again with the same
      // command line (a supervisor's restart) must stay the primary it has become.
      touch(dir.resolve("standby.signal"));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(
        "primary_conninfo",
        "host=%s port=%d user=%s application_name=%s"
            .formatted(primaryHost, primaryPort, Postgres.USERNAME, options.applicationName()));
    settings.put("recovery_target_timeline", "latest");
    settings.put("recovery_min_apply_delay", options.applyDelay().toMillis() + "ms");
    if (options.walArchive() != null) {
      settings.put("restore_command", PostgresOptions.restoreCommand(options.walArchive()));
    }
    Postgres standby =
        Postgres.start(
            PostgresOptions.builder().dataDir(dir).port(options.port()).settings(settings).build());
    log.info(
        "Standby {} of {}:{} ready on port {} (apply delay {})",
        options.applicationName(),
        primaryHost,
        primaryPort,
        standby.port(),
        options.applyDelay());
    return standby;
  }

  /**
   * Stops {@code standby} (typically a delayed one) and brings it back as a primary holding what
   * was committed before {@code target}: see {@link #recoverTo(Path, int, Instant, Path)}.
   */
  public static Postgres recoverTo(Postgres standby, Instant target, Path walArchive) {
    Path dir = standby.dataDir();
    int port = standby.port();
    standby.close();
    return recoverTo(dir, port, target, walArchive);
  }

  /**
   * Replays what the standby in {@code standbyDataDir} holds (its own WAL, then the archive if one
   * is given) up to the last commit before {@code target}, then promotes it: a primary on a new
   * timeline, without anything committed at or after {@code target}. A postmaster still running in
   * the directory in another process is stopped first (fast shutdown). Returns once it accepts
   * writes; fails if the target was not reached within a minute. A directory that is no standby any
   * more (neither {@code standby.signal} nor {@code recovery.signal}) is started as it is.
   */
  public static Postgres recoverTo(Path standbyDataDir, int port, Instant target, Path walArchive) {
    Path dir = standbyDataDir.toAbsolutePath();
    if (!Files.exists(dir.resolve("standby.signal"))
        && !Files.exists(dir.resolve("recovery.signal"))) {
      // Recovered and promoted already (a supervisor's restart): never replay to the target twice.
      log.info("{} is no standby any more; starting it as the primary it is", dir);
      return Postgres.start(PostgresOptions.builder().dataDir(dir).port(port).build());
    }
    try {
      // recovery.signal: replay to a target and end, rather than follow a primary for ever.
      Files.deleteIfExists(dir.resolve("standby.signal"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove standby.signal from " + dir, e);
    }
    touch(dir.resolve("recovery.signal"));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("recovery_target_time", RECOVERY_TARGET_TIME.format(target));
    settings.put("recovery_target_inclusive", "false");
    settings.put("recovery_target_action", "promote");
    settings.put("recovery_target_timeline", "latest");
    settings.put("recovery_min_apply_delay", "0");
    // Archive recovery insists on a restore_command; without an archive, its own pg_wal only.
    settings.put(
        "restore_command",
        walArchive == null ? "false" : PostgresOptions.restoreCommand(walArchive));
    Postgres recovered =
        Postgres.start(
            PostgresOptions.builder().dataDir(dir).port(port).settings(settings).build());
    awaitPromotion(recovered, target);
    log.info("Recovered {} to just before {} and promoted it", dir, target);
    return recovered;
  }

  private static void awaitPromotion(Postgres server, Instant target) {
    long deadline = System.nanoTime() + PROMOTION_TIMEOUT.toNanos();
    while (server.isInRecovery()) {
      if (System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException(
            "recovery to "
                + target
                + " did not end within "
                + PROMOTION_TIMEOUT
                + ": is there a commit at or after it in the WAL?");
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the promotion", e);
      }
    }
  }

  private static DataSource superuser(String host, int port) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {host});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName("postgres");
    dataSource.setUser(Postgres.USERNAME);
    dataSource.setPassword(Postgres.PASSWORD);
    return dataSource;
  }

  private static boolean isEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  private static void touch(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }
}
