package com.paystream.local;

import com.paystream.local.StackOptions.Restore;
import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.PostgresOptions;
import com.paystream.testkit.postgres.Standby;
import com.paystream.testkit.postgres.backup.BackupArchive;
import com.paystream.testkit.postgres.backup.BackupManifest;
import com.paystream.testkit.postgres.backup.PointInTimeRestore;
import com.paystream.testkit.support.Directories;
import com.paystream.testkit.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code local-stack restore}: makes a new primary data directory holding the databases as they
 * were at an instant (or, from the synchronous standby, all it has), keeps the old one beside it as
 * {@code postgres-before-restore-<time>}, and removes the standbys' data, which the launcher then
 * copies again from the restored primary. Runs with the stack stopped (the data directory's lock
 * says so).
 */
final class DatabaseRestore {

  private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);
  private static final Duration PROMOTION_TIMEOUT = Duration.ofMinutes(10);
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DataDirectory data;
  private final BackupArchive archive;

  DatabaseRestore(DataDirectory data, BackupArchive archive) {
    this.data = data;
    this.archive = archive;
  }

  /** Prepares the restored primary; the launcher starts it (and the rest) afterwards. */
  void run(Restore restore) {
    Path restored =
        switch (restore.source()) {
          case BACKUP -> fromBackup(restore.to().orElseThrow());
          case DELAYED_STANDBY -> fromDelayedStandby(restore.to().orElseThrow());
          case STANDBY -> fromStandby();
        };
    Path old = data.root().resolve("postgres-before-restore-" + SUFFIX.format(Instant.now()));
    move(data.postgres(), old);
    move(restored, data.postgres());
    for (String standby : new String[] {DatabaseServers.STANDBY, DatabaseServers.DELAYED}) {
      if (Files.exists(data.postgres(standby))) {
        Directories.deleteRecursively(data.postgres(standby));
      }
    }
    log.info(
        "Restored databases in {}; the data before the restore is kept in {}",
        data.postgres(),
        old);
  }

  /**
   * The newest base backup that ended before {@code to}, with the archived WAL replayed up to it
   * when the primary starts (it then promotes itself onto a new timeline).
   */
  private Path fromBackup(Instant to) {
    Path staging = data.root().resolve("postgres-restoring");
    if (Files.exists(staging)) {
      Directories.deleteRecursively(staging);
    }
    BackupManifest backup = PointInTimeRestore.restore(archive.root(), to, staging);
    log.info("Restoring base backup {} and the WAL after it up to {}", backup.id(), to);
    return staging;
  }

  /** The delayed standby replayed up to {@code to} and promoted, then stopped for the launcher. */
  private Path fromDelayedStandby(Instant to) {
    Path dir = requireStandby(DatabaseServers.DELAYED);
    try (Postgres recovered = Standby.recoverTo(dir, Ports.orFree(0), to, archive.wal())) {
      PointInTimeRestore.forgetTarget(recovered.dataSource("postgres"));
    }
    return dir;
  }

  /**
   * The primary's data is lost: the synchronous standby holds every commit the suite acknowledged.
   * It is started alone, promoted at the end of what it has, and stopped for the launcher.
   */
  private Path fromStandby() {
    Path dir = requireStandby(DatabaseServers.STANDBY);
    try (Postgres standby =
        Postgres.start(
            PostgresOptions.builder()
                .dataDir(dir)
                .port(Ports.orFree(0))
                .setting("restore_command", PostgresOptions.restoreCommand(archive.wal()))
                .build())) {
      standby.promote();
      PointInTimeRestore.awaitPromoted(standby, PROMOTION_TIMEOUT);
    }
    return dir;
  }

  private Path requireStandby(String name) {
    Path dir = data.postgres(name);
    if (!Files.exists(dir.resolve("PG_VERSION"))) {
      throw new IllegalStateException(
          "no " + name + " standby in " + dir + " to restore from (was the stack run with it?)");
    }
    return dir;
  }

  private static void move(Path from, Path to) {
    if (!Files.exists(from)) {
      return;
    }
    try {
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + from + " to " + to, e);
    }
  }
}
