package com.paystream.testkit.postgres.backup;

import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.PostgresOptions;
import com.paystream.testkit.support.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a new data directory to the state of the archived server just before an instant: the
 * newest complete base backup that stopped before it, replayed from the archive's WAL up to the
 * first commit at or after the target (excluded), then promoted to a new timeline.
 *
 * <p>The restored server is the new primary and archives into the same archive: its segments and
 * its {@code .history} file carry the new timeline in their names, the last segment of the old
 * timeline goes in as {@code .partial}, and segments it fetched from the archive are never archived
 * again. The archive command refuses to replace an existing file with different content, so the old
 * timeline's files cannot be overwritten. A later restore with {@code
 * recovery_target_timeline=latest} follows the newest timeline through the history files.
 */
public final class PointInTimeRestore {

  public static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(2);
  private static final Logger log = LoggerFactory.getLogger(PointInTimeRestore.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String AUTO_CONF = "postgresql.auto.conf";
  private static final List<String> RECOVERY_TARGET_SETTINGS =
      List.of(
          "recovery_target_time",
          "recovery_target_inclusive",
          "recovery_target_action",
          "recovery_target_timeline");

  /** Files of the running server that a copy must not carry into a new data directory. */
  private static final Set<String> NOT_COPIED =
      Set.of(BackupArchive.MANIFEST, "postmaster.pid", "postmaster.opts", "standby.signal");

  private static final DateTimeFormatter TARGET_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private PointInTimeRestore() {}

  /**
   * Restores into {@code newDataDir} (absent or empty), starts the server on {@code port} (0 for a
   * free one) archiving into the same archive, and returns it once recovery has ended and it
   * accepts writes.
   *
   * @throws RestoreRefusedException when no complete backup stopped before {@code target}, or the
   *     archived WAL does not reach it
   */
  public static Postgres restore(Path archive, Instant target, Path newDataDir, int port) {
    BackupManifest backup = restore(archive, target, newDataDir);
    Postgres restored =
        Postgres.start(
            PostgresOptions.builder()
                .dataDir(newDataDir)
                .port(port)
                .walArchive(BackupArchive.existing(archive).wal())
                .build());
    try {
      awaitPromoted(restored, RECOVERY_TIMEOUT);
    } catch (RuntimeException e) {
      restored.close();
      throw e;
    }
    log.info(
        "Restored backup {} to {} at {}:{}", backup.id(), target, restored.host(), restored.port());
    return restored;
  }

  /**
   * Prepares {@code newDataDir} (absent or empty) for recovery to {@code target} without starting
   * it: start it with {@link Postgres#start(PostgresOptions)} (archiving into {@code
   * <archive>/wal}), then call {@link #awaitPromoted}. Returns the backup it starts from.
   */
  public static BackupManifest restore(Path archive, Instant target, Path newDataDir) {
    BackupArchive backups = BackupArchive.existing(archive);
    ArchiveContents contents = backups.read();
    BackupManifest backup = choose(contents, target);
    requireEmpty(newDataDir);
    copy(backups.backupDir(backup.id()), newDataDir);
    writeRecoverySettings(newDataDir, backups.wal(), target);
    log.info("Prepared {} to recover backup {} to {}", newDataDir, backup.id(), target);
    return backup;
  }

  /**
   * Waits until the server has ended recovery (promoted at the target), then removes the target
   * settings, so that the data directory made a standby later does not stop at the old target.
   */
  public static void awaitPromoted(Postgres server, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (server.isInRecovery()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "the restored server at port "
                + server.port()
                + " is still recovering after "
                + timeout);
      }
      sleep();
    }
    forgetTarget(server.dataSource("postgres"));
  }

  /**
   * Removes the target settings from a promoted server (one this JVM did not start, as a
   * superuser), so that a standby copied from it later does not stop at the old target.
   */
  public static void forgetTarget(DataSource superuser) {
    try (Connection connection = superuser.getConnection();
        Statement statement = connection.createStatement()) {
      for (String setting : RECOVERY_TARGET_SETTINGS) {
        statement.execute("alter system reset " + setting);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the recovery target settings", e);
    }
  }

  /** The newest complete backup that stopped before {@code target}, if its WAL reaches it. */
  static BackupManifest choose(ArchiveContents contents, Instant target) {
    BackupManifest backup =
        contents.complete().stream()
            .filter(manifest -> manifest.stopped().isBefore(target))
            .max(Comparator.comparing(BackupManifest::stopped))
            .orElseThrow(
                () ->
                    new RestoreRefusedException(
                        "no complete base backup stopped before " + target));
    RestorableRange range =
        contents
            .restorableRange(backup)
            .orElseThrow(
                () ->
                    new RestoreRefusedException(
                        "backup "
                            + backup.id()
                            + " cannot be restored: WAL between "
                            + backup.startWalFile()
                            + " and "
                            + backup.stopWalFile()
                            + " is missing from the archive"));
    if (!range.reaches(target)) {
      throw new RestoreRefusedException(
          "the archive does not reach "
              + target
              + ": backup "
              + backup.id()
              + " restores to "
              + range.to().map(Instant::toString).orElse("no instant yet")
              + " (WAL archived without a gap up to "
              + range.lastContiguousWalFile()
              + ")");
    }
    return backup;
  }

  /**
   * Commit times have microseconds: rounding the target up keeps a commit made before it (in the
   * same microsecond) and still excludes one made at or after it.
   */
  static String targetTime(Instant target) {
    Instant micros = target.truncatedTo(ChronoUnit.MICROS);
    if (micros.isBefore(target)) {
      micros = micros.plus(1, ChronoUnit.MICROS);
    }
    return TARGET_TIME.format(micros);
  }

  static String restoreCommand(Path wal) {
    String dir = wal.toAbsolutePath().toString().replace("'", "'\\''").replace("%", "%%");
    return "cp '" + dir + "'/%f %p";
  }

  private static void writeRecoverySettings(Path dataDir, Path wal, Instant target) {
    String settings =
        String.join(
            "\n",
            "",
            "# Point-in-time restore, written by the paystream test kit; the target settings are",
            "# reset once the server is promoted.",
            "restore_command = " + quoted(restoreCommand(wal)),
            "recovery_target_time = " + quoted(targetTime(target)),
            // The first commit at or after the target is the one excluded: the state is exactly
            // what had committed before the instant.
            "recovery_target_inclusive = 'off'",
            "recovery_target_action = 'promote'",
            "recovery_target_timeline = 'latest'",
            "");
    try {
      Files.writeString(
          dataDir.resolve(AUTO_CONF),
          settings,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Files.deleteIfExists(dataDir.resolve("standby.signal"));
      Files.writeString(dataDir.resolve("recovery.signal"), "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the recovery settings in " + dataDir, e);
    }
  }

  private static String quoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new RestoreRefusedException("the new data directory is not empty: " + dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static void copy(Path from, Path to) {
    Directories.ensure(to);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path relative = from.relativize(source);
        if (relative.getNameCount() == 1 && NOT_COPIED.contains(relative.toString())) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
      // PostgreSQL refuses a data directory others can read.
      Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy backup " + from + " to " + to, e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for recovery", e);
    }
  }
}
