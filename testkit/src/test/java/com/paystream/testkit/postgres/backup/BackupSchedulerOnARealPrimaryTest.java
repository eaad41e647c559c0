package com.paystream.testkit.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler wired to a real primary: backups when due, marks on every check. */
class BackupSchedulerOnARealPrimaryTest {

  @TempDir Path dir;

  @Test
  void takesTheDailyAtOnceNothingInTheSameHourAndAnHourlyInTheNext() {
    try (ArchivedPrimary primary = new ArchivedPrimary(dir.resolve("archive"))) {
      Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      // In the last hour of a UTC day the next hour is a new day, whose first backup is its daily.
      BackupKind next =
          start
                  .truncatedTo(ChronoUnit.DAYS)
                  .equals(
                      start.plus(Duration.ofHours(1)).plusSeconds(1).truncatedTo(ChronoUnit.DAYS))
              ? BackupKind.HOURLY
              : BackupKind.DAILY;
      BackupSchedulerTest.MovableClock clock = new BackupSchedulerTest.MovableClock(start);
      BackupTaker taker = new BackupTaker(primary.server, primary.archive, clock);
      BackupScheduler scheduler =
          new BackupScheduler(primary.archive, BackupPolicy.defaults(), clock, taker);

      BackupManifest daily = scheduler.check().orElseThrow();
      clock.advance(Duration.ofSeconds(1));
      boolean sameHourTookOne = scheduler.check().isPresent();
      clock.advance(Duration.ofHours(1));
      BackupManifest hourly = scheduler.check().orElseThrow();

      assertThat(daily.kind()).isEqualTo(BackupKind.DAILY);
      assertThat(sameHourTookOne).isFalse();
      assertThat(hourly.kind()).isEqualTo(next);
      assertThat(primary.archive.read().complete()).containsExactly(daily, hourly);
      // A mark per check and one after each backup: five. The first check's mark lies in a
      // segment before the daily's start (pg_backup_start switches segments), so retention after
      // each backup removed it with that WAL.
      assertThat(primary.archive.marks())
          .hasSize(4)
          .allSatisfy(mark -> assertThat(mark.at()).isAfter(daily.stopped()));
    }
  }
}
