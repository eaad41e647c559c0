package com.paystream.testkit.postgres.backup;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an archive held when it was read: the base backups (complete or not), the WAL file names,
 * the commit marks and the segment size. Pure, so policy and catalogue are tested without disks.
 *
 * @param walSegmentBytes the size of an archived segment (16 MiB unless initdb was told otherwise)
 */
public record ArchiveContents(
    List<StoredBackup> backups,
    List<WalFileName> walFiles,
    List<CommitMark> marks,
    long walSegmentBytes) {

  public static final long DEFAULT_WAL_SEGMENT_BYTES = 16L * 1024 * 1024;

  public ArchiveContents {
    backups = backups.stream().sorted(Comparator.comparing(StoredBackup::started)).toList();
    walFiles = List.copyOf(walFiles);
    marks = List.copyOf(marks);
  }

  public List<BackupManifest> complete() {
    return backups.stream().flatMap(backup -> backup.manifest().stream()).toList();
  }

  /** The newest complete backup (by its stop), which retention never removes. */
  public Optional<BackupManifest> newestComplete() {
    return complete().stream()
        .max(Comparator.comparing(BackupManifest::stopped).thenComparing(BackupManifest::id));
  }

  /**
   * The range {@code backup} restores to: empty when a segment from its start to its stop is
   * missing (it cannot even become consistent). Otherwise segments are followed on the backup's
   * timeline from its stop file until the first gap; the range ends at the newest commit mark after
   * the stop whose segment lies within them. A restore to a later timeline's history is not counted
   * here.
   */
  public Optional<RestorableRange> restorableRange(BackupManifest backup) {
    Set<String> present =
        walFiles.stream()
            .filter(file -> file.type() == WalFileName.Type.SEGMENT)
            .map(WalFileName::name)
            .collect(Collectors.toSet());
    WalFileName stop = WalFileName.segment(backup.stopWalFile());
    WalFileName file = WalFileName.segment(backup.startWalFile());
    while (file.comparePosition(stop) < 0) {
      if (!present.contains(file.name())) {
        return Optional.empty();
      }
      file = next(file, backup.timeline());
    }
    if (!present.contains(stop.name())) {
      return Optional.empty();
    }
    WalFileName last = stop;
    while (present.contains(last.nextSegmentName(backup.timeline(), walSegmentBytes))) {
      last = next(last, backup.timeline());
    }
    WalFileName reached = last;
    Optional<Instant> to =
        marks.stream()
            .filter(mark -> mark.at().isAfter(backup.stopped()))
            .filter(mark -> reachedBy(mark.walFileName(), backup, reached))
            .map(CommitMark::at)
            .max(Comparator.naturalOrder());
    return Optional.of(new RestorableRange(backup.stopped(), to, reached.name()));
  }

  private boolean reachedBy(WalFileName markFile, BackupManifest backup, WalFileName reached) {
    return markFile.timeline() == backup.timeline()
        && markFile.comparePosition(WalFileName.segment(backup.startWalFile())) >= 0
        && markFile.comparePosition(reached) <= 0;
  }

  private WalFileName next(WalFileName file, int timeline) {
    return WalFileName.segment(file.nextSegmentName(timeline, walSegmentBytes));
  }
}
