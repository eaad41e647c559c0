package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchiveFixtures.backup;
import static com.paystream.testkit.postgres.backup.ArchiveFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveContentsTest {

  private static final Instant STARTED = Instant.parse("2026-12-06T10:00:00Z");
  private static final BackupManifest BACKUP = backup(BackupKind.DAILY, STARTED, 3, 4);

  @Test
  void reachesTheNewestMarkInWalArchivedWithoutAGap() {
    ArchiveContents archive =
        new ArchiveFixtures()
            .with(BACKUP)
            .withSegments(3, 7)
            .withMark(STARTED.plusSeconds(60), 5)
            .withMark(STARTED.plusSeconds(120), 7)
            .contents();

    RestorableRange range = archive.restorableRange(BACKUP).orElseThrow();

    assertThat(range.from()).isEqualTo(BACKUP.stopped());
    assertThat(range.to()).contains(STARTED.plusSeconds(120));
    assertThat(range.lastContiguousWalFile()).isEqualTo(segment(7));
    assertThat(range.reaches(STARTED.plusSeconds(120))).isTrue();
    assertThat(range.reaches(STARTED.plusSeconds(121))).isFalse();
    assertThat(range.reaches(BACKUP.stopped())).isFalse();
  }

  @Test
  void aMissingSegmentEndsTheRange() {
    ArchiveContents archive =
        new ArchiveFixtures()
            .with(BACKUP)
            .withSegments(3, 5)
            .withSegments(7, 9)
            .withMark(STARTED.plusSeconds(60), 5)
            .withMark(STARTED.plusSeconds(120), 8)
            .contents();

    RestorableRange range = archive.restorableRange(BACKUP).orElseThrow();

    assertThat(range.lastContiguousWalFile()).isEqualTo(segment(5));
    assertThat(range.to()).contains(STARTED.plusSeconds(60));
  }

  @Test
  void withoutAMarkAfterTheStopNoInstantIsGuaranteed() {
    ArchiveContents archive =
        new ArchiveFixtures()
            .with(BACKUP)
            .withSegments(3, 9)
            .withMark(STARTED.minusSeconds(60), 2)
            .contents();

    RestorableRange range = archive.restorableRange(BACKUP).orElseThrow();

    assertThat(range.to()).isEmpty();
    assertThat(range.reaches(BACKUP.stopped().plusSeconds(1))).isFalse();
  }

  @Test
  void aBackupMissingWalBetweenItsStartAndStopRestoresToNothing() {
    ArchiveContents archive =
        new ArchiveFixtures()
            .with(BACKUP)
            .withSegments(4, 9)
            .withMark(STARTED.plusSeconds(60), 6)
            .contents();

    assertThat(archive.restorableRange(BACKUP)).isEmpty();
  }

  @Test
  void marksOnAnotherTimelineDoNotExtendTheRange() {
    ArchiveContents archive =
        new ArchiveFixtures()
            .with(BACKUP)
            .withSegments(3, 5)
            .withWal("000000020000000000000005")
            .contents();
    ArchiveContents withMark =
        new ArchiveContents(
            archive.backups(),
            archive.walFiles(),
            java.util.List.of(new CommitMark(STARTED.plusSeconds(60), "000000020000000000000005")),
            archive.walSegmentBytes());

    assertThat(withMark.restorableRange(BACKUP).orElseThrow().to()).isEmpty();
  }

  @Test
  void theCatalogueListsAnIncompleteBackupWithoutARange() {
    ArchiveContents archive =
        new ArchiveFixtures()
            .with(BACKUP)
            .withIncomplete(STARTED.plusSeconds(3600), BackupKind.HOURLY)
            .withSegments(3, 4)
            .contents();

    assertThat(BackupCatalogue.of(archive))
        .extracting(BackupCatalogue.Entry::isComplete, entry -> entry.range().isPresent())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(true, true),
            org.assertj.core.groups.Tuple.tuple(false, false));
  }
}
