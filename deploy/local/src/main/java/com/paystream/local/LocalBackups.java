package com.paystream.local;

import com.paystream.local.StackOptions.DatabaseOptions;
import com.paystream.testkit.postgres.backup.BackupArchive;
import com.paystream.testkit.postgres.backup.BackupCatalogue;
import com.paystream.testkit.postgres.backup.BackupMain;
import com.paystream.testkit.postgres.backup.BackupPolicy;
import com.paystream.testkit.postgres.backup.BackupScheduler;
import com.paystream.testkit.postgres.backup.BackupTaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The stack's backup directory: one archive (WAL and base backups) per database cluster, named by
 * the cluster's id ({@link DataDirectory#clusterId()}), so that a fresh start's new cluster never
 * mixes its WAL with an older one's and the older one stays restorable.
 */
final class LocalBackups {

  private final Path dir;

  LocalBackups(Path dir) {
    this.dir = dir;
  }

  BackupArchive archive(String clusterId) {
    return BackupArchive.at(dir.resolve(clusterId));
  }

  /** The base backups of every cluster kept here, each with the instants it can restore to. */
  String list() {
    List<Path> clusters = clusters();
    if (clusters.isEmpty()) {
      return "No backups in " + dir + " yet (the stack takes its first when it starts).\n";
    }
    StringBuilder text = new StringBuilder();
    for (Path cluster : clusters) {
      text.append("\nCluster ")
          .append(cluster.getFileName())
          .append(" (")
          .append(cluster)
          .append(")\n")
          .append(BackupMain.table(BackupCatalogue.read(cluster)));
    }
    return text.toString();
  }

  /**
   * Starts the schedule for the primary: a base backup when one is due (the first at once), a
   * commit mark every check so that the restorable range keeps up, retention after each backup.
   */
  BackupScheduler schedule(
      String clusterId, DataSource primary, Path primaryData, DatabaseOptions options) {
    BackupArchive archive = archive(clusterId);
    Clock clock = Clock.systemUTC();
    BackupPolicy policy =
        BackupPolicy.defaults()
            .withHourlyKept(Duration.ofDays(options.hourlyDays()))
            .withDailyKept(Duration.ofDays(options.dailyDays()));
    return new BackupScheduler(
            archive, policy, clock, new BackupTaker(primary, primaryData, archive, clock))
        .start(BackupScheduler.DEFAULT_INTERVAL);
  }

  private List<Path> clusters() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(entry -> Files.isDirectory(entry.resolve("wal")))
          .filter(entry -> Files.isDirectory(entry.resolve("base")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
