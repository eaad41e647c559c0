package com.paystream.testkit.postgres.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Archives in memory: backups on timeline 1 whose WAL files are named by a segment number. */
final class ArchiveFixtures {

  private final List<StoredBackup> backups = new ArrayList<>();
  private final List<WalFileName> wal = new ArrayList<>();
  private final List<CommitMark> marks = new ArrayList<>();

  static String segment(int number) {
    return String.format("00000001%08X%08X", number / 256, number % 256);
  }

  static BackupManifest backup(
      BackupKind kind, Instant started, int startSegment, int stopSegment) {
    return new BackupManifest(
        BackupManifest.idFor(started, kind),
        kind,
        "test",
        started,
        started.plus(Duration.ofSeconds(5)),
        "0/0",
        "0/0",
        1,
        segment(startSegment),
        segment(stopSegment),
        1024);
  }

  ArchiveFixtures with(BackupManifest manifest) {
    backups.add(StoredBackup.complete(manifest));
    return this;
  }

  ArchiveFixtures withIncomplete(Instant started, BackupKind kind) {
    backups.add(StoredBackup.incomplete(BackupManifest.idFor(started, kind)));
    return this;
  }

  ArchiveFixtures withSegments(int fromInclusive, int toInclusive) {
    for (int number = fromInclusive; number <= toInclusive; number++) {
      withWal(segment(number));
    }
    return this;
  }

  ArchiveFixtures withWal(String name) {
    wal.add(WalFileName.parse(name).orElseThrow());
    return this;
  }

  ArchiveFixtures withMark(Instant at, int segment) {
    marks.add(new CommitMark(at, segment(segment)));
    return this;
  }

  ArchiveContents contents() {
    return new ArchiveContents(backups, wal, marks, ArchiveContents.DEFAULT_WAL_SEGMENT_BYTES);
  }
}
