package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchiveFixtures.backup;
import static com.paystream.testkit.postgres.backup.ArchiveFixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the policy says retention removes. */
class BackupPolicyRetentionTest {

  private static final Instant NOON = Instant.parse("2026-12-06T12:00:00Z");
  private final BackupPolicy policy = BackupPolicy.defaults();

  private static Instant at(Clock clock) {
    return clock.instant();
  }

  @Test
  void anEmptyArchiveHasNothingToRemove() {
    RetentionPlan plan = policy.retention(NOON, new ArchiveFixtures().contents());

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.walKeptFrom()).isEmpty();
  }

  @Test
  void keepsAnHourlyExactlyItsRetentionOldAndRemovesItOneInstantLater() {
    Instant started = NOON.minus(Duration.ofDays(2));
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(backup(BackupKind.HOURLY, started, 1, 1))
            .with(backup(BackupKind.HOURLY, NOON.minusSeconds(60), 5, 5));
    Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);

    assertThat(policy.retention(at(clock), archive.contents()).backupIds()).isEmpty();
    assertThat(
            policy
                .retention(at(Clock.offset(clock, Duration.ofNanos(1))), archive.contents())
                .backupIds())
        .containsExactly(BackupManifest.idFor(started, BackupKind.HOURLY));
  }

  @Test
  void keepsDailiesForTheirOwnLongerRetention() {
    BackupManifest oldHourly = backup(BackupKind.HOURLY, NOON.minus(Duration.ofDays(3)), 1, 1);
    BackupManifest oldDaily = backup(BackupKind.DAILY, NOON.minus(Duration.ofDays(29)), 0, 0);
    BackupManifest expiredDaily = backup(BackupKind.DAILY, NOON.minus(Duration.ofDays(31)), 0, 0);
    BackupManifest recent = backup(BackupKind.HOURLY, NOON.minusSeconds(60), 5, 5);
    ArchiveFixtures archive =
        new ArchiveFixtures().with(oldHourly).with(oldDaily).with(expiredDaily).with(recent);

    assertThat(policy.retention(NOON, archive.contents()).backupIds())
        .containsExactlyInAnyOrder(oldHourly.id(), expiredDaily.id());
  }

  @Test
  void neverRemovesTheNewestCompleteBackupEvenWhenItExpired() {
    BackupManifest only = backup(BackupKind.HOURLY, NOON.minus(Duration.ofDays(10)), 3, 4);
    ArchiveFixtures archive = new ArchiveFixtures().with(only).withSegments(1, 6);

    RetentionPlan plan = policy.retention(NOON, archive.contents());

    assertThat(plan.backupIds()).isEmpty();
    assertThat(plan.walFiles()).containsExactly(segment(1), segment(2));
  }

  @Test
  void anExpiredNewerBackupIsKeptOverAnOlderOneInProgress() {
    BackupManifest newestComplete = backup(BackupKind.HOURLY, NOON.minus(Duration.ofDays(5)), 3, 3);
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(backup(BackupKind.HOURLY, NOON.minus(Duration.ofDays(6)), 1, 1))
            .with(newestComplete)
            .withIncomplete(NOON.minusSeconds(30), BackupKind.DAILY);

    RetentionPlan plan = policy.retention(NOON, archive.contents());

    assertThat(plan.backupIds())
        .containsExactly(BackupManifest.idFor(NOON.minus(Duration.ofDays(6)), BackupKind.HOURLY));
  }

  @Test
  void leavesABackupInProgressAndRemovesAnAbandonedOne() {
    Instant abandoned = NOON.minus(Duration.ofHours(1)).minusSeconds(1);
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .withIncomplete(abandoned, BackupKind.HOURLY)
            .withIncomplete(NOON.minus(Duration.ofMinutes(59)), BackupKind.HOURLY);

    assertThat(policy.retention(NOON, archive.contents()).backupIds())
        .containsExactly(BackupManifest.idFor(abandoned, BackupKind.HOURLY));
  }

  @Test
  void removesWalBeforeTheStartOfTheOldestKeptBackupOnly() {
    BackupManifest kept = backup(BackupKind.DAILY, NOON.minus(Duration.ofDays(1)), 5, 6);
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(backup(BackupKind.HOURLY, NOON.minus(Duration.ofDays(3)), 2, 2))
            .with(kept)
            .with(backup(BackupKind.HOURLY, NOON.minusSeconds(60), 9, 9))
            .withSegments(1, 10)
            .withWal("000000010000000000000003.00000028.backup")
            .withWal("000000010000000000000004.partial")
            .withWal("000000010000000000000005.00000028.backup")
            .withWal("00000002.history")
            .withWal("00000002000000000000000A");

    RetentionPlan plan = policy.retention(NOON, archive.contents());

    assertThat(plan.walKeptFrom()).contains(WalFileName.segment(segment(5)));
    assertThat(plan.walFiles())
        .containsExactly(
            segment(1),
            segment(2),
            segment(3),
            "000000010000000000000003.00000028.backup",
            segment(4),
            "000000010000000000000004.partial");
  }

  @Test
  void aConfiguredRetentionReplacesTheDefault() {
    BackupPolicy shorter = policy.withHourlyKept(Duration.ofHours(6));
    BackupManifest sevenHoursOld = backup(BackupKind.HOURLY, NOON.minus(Duration.ofHours(7)), 1, 1);
    ArchiveFixtures archive =
        new ArchiveFixtures()
            .with(sevenHoursOld)
            .with(backup(BackupKind.HOURLY, NOON.minusSeconds(60), 2, 2));

    assertThat(shorter.retention(NOON, archive.contents()).backupIds())
        .containsExactly(sevenHoursOld.id());
    assertThat(policy.retention(NOON, archive.contents()).backupIds()).isEmpty();
  }
}
