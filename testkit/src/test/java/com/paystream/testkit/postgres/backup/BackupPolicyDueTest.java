package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchiveFixtures.backup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which backup the policy says is due. */
class BackupPolicyDueTest {

  private static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");
  private final BackupPolicy policy = BackupPolicy.defaults();

  private static Instant at(Clock clock) {
    return clock.instant();
  }

  @Test
  void anEmptyArchiveNeedsADailyBackup() {
    assertThat(policy.due(NOON, new ArchiveFixtures().contents())).contains(BackupKind.DAILY);
  }

  @Test
  void aDailyFromYesterdayDoesNotCountForToday() {
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(backup(BackupKind.DAILY, Instant.parse("2026-12-05T23:59:00Z"), 1, 1));

    assertThat(policy.due(Instant.parse("2026-12-06T00:00:00Z"), archive.contents()))
        .contains(BackupKind.DAILY);
  }

  @Test
  void afterTodaysDailyAnHourlyIsDueInTheNextClockHour() {
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(backup(BackupKind.DAILY, Instant.parse("2026-12-06T00:00:30Z"), 1, 1));
    Clock clock = Clock.fixed(Instant.parse("2026-12-06T00:59:59Z"), ZoneOffset.UTC);

    assertThat(policy.due(at(clock), archive.contents())).isEmpty();
    assertThat(policy.due(at(Clock.offset(clock, Duration.ofSeconds(1))), archive.contents()))
        .contains(BackupKind.HOURLY);
  }

  @Test
  void alignsToTheClockHourNotToTheLastBackup() {
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(backup(BackupKind.DAILY, Instant.parse("2026-12-06T00:00:30Z"), 1, 1))
            .with(backup(BackupKind.HOURLY, Instant.parse("2026-12-06T11:59:00Z"), 2, 2));

    // one minute after the last one, but in a new UTC hour
    assertThat(policy.due(NOON, archive.contents())).contains(BackupKind.HOURLY);
  }

  @Test
  void nothingIsDueWhileABackupIsInProgress() {
    ArchiveFixtures archive =
        new ArchiveFixtures().withIncomplete(NOON.minusSeconds(600), BackupKind.DAILY);

    assertThat(policy.due(NOON, archive.contents())).isEmpty();
  }

  @Test
  void anAbandonedBackupNoLongerHoldsBackTheNext() {
    ArchiveFixtures archive =
        new ArchiveFixtures().withIncomplete(NOON.minus(Duration.ofHours(2)), BackupKind.DAILY);

    assertThat(policy.due(NOON, archive.contents())).contains(BackupKind.DAILY);
  }
}
