package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchiveFixtures.backup;
import static com.paystream.testkit.postgres.backup.ArchiveFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupArchiveTest {

  private static final Instant STARTED = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path root;

  @Test
  void aBackupWithoutManifestIsListedAsIncompleteWithItsStartFromTheId() throws IOException {
    BackupArchive archive = BackupArchive.at(root);
    BackupManifest manifest = backup(BackupKind.DAILY, STARTED, 1, 1);
    Files.createDirectories(archive.backupDir(manifest.id()).resolve("base"));

    assertThat(archive.read().backups()).containsExactly(StoredBackup.incomplete(manifest.id()));

    archive.writeManifest(manifest);

    assertThat(archive.read().backups()).containsExactly(StoredBackup.complete(manifest));
    assertThat(archive.backupDir(manifest.id())).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void readsWalFilesAndTheSegmentSizeAndSkipsStrays() throws IOException {
    BackupArchive archive = BackupArchive.at(root);
    Files.write(archive.wal().resolve(segment(1)), new byte[1024 * 1024]);
    Files.writeString(
        archive.wal().resolve("00000002.history"), "1\t0/3000000\tno recovery target\n");
    Files.writeString(archive.wal().resolve(segment(2) + ".tmp.1234"), "half");

    ArchiveContents contents = archive.read();

    assertThat(contents.walFiles())
        .extracting(WalFileName::name)
        .containsExactlyInAnyOrder(segment(1), "00000002.history");
    assertThat(contents.walSegmentBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void skipsATornLastMarkLine() throws IOException {
    BackupArchive archive = BackupArchive.at(root);
    archive.appendMark(new CommitMark(STARTED, segment(3)));
    Files.writeString(
        root.resolve("commit-marks.log"),
        "2026-12-06T10:01:00Z 0000000100",
        java.nio.file.StandardOpenOption.APPEND);

    assertThat(archive.marks()).containsExactly(new CommitMark(STARTED, segment(3)));
  }

  @Test
  void appliesAPlanToBackupsWalAndMarks() throws IOException {
    BackupArchive archive = BackupArchive.at(root);
    BackupManifest removed = backup(BackupKind.HOURLY, STARTED, 1, 1);
    BackupManifest kept = backup(BackupKind.DAILY, STARTED.plusSeconds(3600), 3, 3);
    for (BackupManifest manifest : List.of(removed, kept)) {
      Files.createDirectories(archive.backupDir(manifest.id()).resolve("global"));
      archive.writeManifest(manifest);
    }
    for (int number = 1; number <= 4; number++) {
      Files.writeString(archive.wal().resolve(segment(number)), "wal");
    }
    archive.appendMark(new CommitMark(STARTED.plusSeconds(10), segment(1)));
    archive.appendMark(new CommitMark(STARTED.plusSeconds(3700), segment(4)));

    archive.apply(
        new RetentionPlan(
            List.of(removed.id()),
            List.of(segment(1), segment(2)),
            Optional.of(WalFileName.segment(segment(3)))));

    assertThat(archive.backupDir(removed.id())).doesNotExist();
    assertThat(archive.read().complete()).containsExactly(kept);
    assertThat(archive.read().walFiles())
        .extracting(WalFileName::name)
        .containsExactly(segment(3), segment(4));
    assertThat(archive.marks())
        .containsExactly(new CommitMark(STARTED.plusSeconds(3700), segment(4)));
  }
}
