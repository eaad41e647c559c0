package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchivedPrimary.count;
import static com.paystream.testkit.postgres.backup.ArchivedPrimary.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.postgres.Postgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real backups, an HOURLY and a later DAILY; with the clock two days and a minute ahead,
 * retention removes the HOURLY and the WAL only it needed, and the DAILY still restores.
 */
class RetentionOnARealArchiveTest {

  @TempDir Path dir;

  @Test
  void removesOnlyWhatThePolicySaysAndTheRemainingBackupStillRestores() {
    try (ArchivedPrimary primary = new ArchivedPrimary(dir.resolve("archive"))) {
      primary.insert(1, 10);
      BackupManifest hourly = primary.taker.take(BackupKind.HOURLY);
      primary.insert(11, 20);
      primary.markAndArchive();
      BackupManifest daily = primary.taker.take(BackupKind.DAILY);
      primary.insert(21, 30);
      Instant beforeTruncate = primary.now();
      execute(primary.server, "truncate entry");
      primary.markAndArchive();
      BackupPolicy policy = BackupPolicy.defaults();
      Instant now = Instant.now();

      RetentionPlan dayLater =
          policy.retention(now.plus(Duration.ofDays(1)), primary.archive.read());
      RetentionPlan expired =
          policy.retention(
              now.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(1)), primary.archive.read());
      primary.archive.apply(expired);

      assertThat(dayLater.backupIds()).isEmpty();
      assertThat(expired.backupIds()).containsExactly(hourly.id());
      assertThat(expired.walKeptFrom()).contains(WalFileName.segment(daily.startWalFile()));
      assertThat(expired.walFiles()).contains(hourly.startWalFile());
      ArchiveContents left = primary.archive.read();
      assertThat(left.complete()).containsExactly(daily);
      assertThat(left.walFiles())
          .allSatisfy(
              file ->
                  assertThat(file.comparePosition(WalFileName.segment(daily.startWalFile())))
                      .isNotNegative());
      assertThat(left.restorableRange(daily).orElseThrow().reaches(beforeTruncate)).isTrue();

      try (Postgres restored =
          PointInTimeRestore.restore(
              primary.archive.root(), beforeTruncate, dir.resolve("restored"), 0)) {
        assertThat(count(restored)).isEqualTo(30);
      }
    }
  }
}
