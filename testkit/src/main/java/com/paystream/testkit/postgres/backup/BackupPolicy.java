package com.paystream.testkit.postgres.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When to take a base backup and what to remove, decided from the archive's contents and an instant
 * only.
 *
 * <p>Backups are aligned to UTC calendar boundaries, not to the previous backup, so they do not
 * drift by the check interval every hour: a DAILY is due when no complete DAILY started in the
 * current UTC day, else an HOURLY when no complete backup of either kind started in the current UTC
 * clock hour. While a backup is in progress (a directory without manifest younger than {@code
 * abandonedAfter}) nothing is due.
 *
 * @param hourlyKept how long an HOURLY backup is kept after it started
 * @param dailyKept how long a DAILY backup is kept after it started
 * @param abandonedAfter when a directory without manifest stops counting as in progress: then it no
 *     longer holds back new backups and retention removes it
 */
public record BackupPolicy(Duration hourlyKept, Duration dailyKept, Duration abandonedAfter) {

  /**
   * Two days of hourly backups bound the replay after a mistake noticed late in a working day; a
   * month of daily ones covers a mistake noticed at the next month-end close.
   */
  public static BackupPolicy defaults() {
    return new BackupPolicy(Duration.ofDays(2), Duration.ofDays(30), Duration.ofHours(1));
  }

  public BackupPolicy {
    requirePositive(hourlyKept, "hourlyKept");
    requirePositive(dailyKept, "dailyKept");
    requirePositive(abandonedAfter, "abandonedAfter");
  }

  public BackupPolicy withHourlyKept(Duration kept) {
    return new BackupPolicy(kept, dailyKept, abandonedAfter);
  }

  public BackupPolicy withDailyKept(Duration kept) {
    return new BackupPolicy(hourlyKept, kept, abandonedAfter);
  }

  /** The backup to take at {@code now}, if any. */
  public Optional<BackupKind> due(Instant now, ArchiveContents archive) {
    if (archive.backups().stream().anyMatch(backup -> inProgress(backup, now))) {
      return Optional.empty();
    }
    Instant day = now.truncatedTo(ChronoUnit.DAYS);
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    List<BackupManifest> complete = archive.complete();
    if (complete.stream().noneMatch(b -> b.kind() == BackupKind.DAILY && within(b, day, now))) {
      return Optional.of(BackupKind.DAILY);
    }
    if (complete.stream().noneMatch(b -> within(b, hour, now))) {
      return Optional.of(BackupKind.HOURLY);
    }
    return Optional.empty();
  }

  /**
   * What retention removes at {@code now}: HOURLY backups started more than {@code hourlyKept} ago,
   * DAILY ones more than {@code dailyKept} ago (one exactly that old is kept), never the newest
   * complete backup; abandoned incomplete directories; and WAL files before the start segment of
   * the oldest kept backup, timeline history files excepted (recovery follows timelines through
   * them, and they are tiny).
   */
  public RetentionPlan retention(Instant now, ArchiveContents archive) {
    Optional<String> newest = archive.newestComplete().map(BackupManifest::id);
    List<String> removed = new ArrayList<>();
    List<BackupManifest> kept = new ArrayList<>();
    for (StoredBackup backup : archive.backups()) {
      if (backup.manifest().isEmpty()) {
        if (abandoned(backup, now)) {
          removed.add(backup.id());
        }
        continue;
      }
      BackupManifest manifest = backup.manifest().get();
      if (expired(manifest, now) && !newest.equals(Optional.of(manifest.id()))) {
        removed.add(manifest.id());
      } else {
        kept.add(manifest);
      }
    }
    Optional<WalFileName> keptFrom =
        kept.stream()
            .map(manifest -> WalFileName.segment(manifest.startWalFile()))
            .min(WalFileName::comparePosition);
    List<String> wal =
        keptFrom
            .map(
                from ->
                    archive.walFiles().stream()
                        .filter(file -> !file.isHistory() && file.comparePosition(from) < 0)
                        .sorted(Comparator.comparing(WalFileName::name))
                        .map(WalFileName::name)
                        .toList())
            .orElse(List.of());
    return new RetentionPlan(removed, wal, keptFrom);
  }

  private boolean expired(BackupManifest backup, Instant now) {
    Duration kept = backup.kind() == BackupKind.HOURLY ? hourlyKept : dailyKept;
    return backup.started().isBefore(now.minus(kept));
  }

  private boolean inProgress(StoredBackup backup, Instant now) {
    return !backup.isComplete() && !abandoned(backup, now);
  }

  private boolean abandoned(StoredBackup backup, Instant now) {
    return backup.started().isBefore(now.minus(abandonedAfter));
  }

  private static boolean within(BackupManifest backup, Instant from, Instant now) {
    return !backup.started().isBefore(from) && !backup.started().isAfter(now);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration: " + duration);
    }
  }
}
