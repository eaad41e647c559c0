package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchiveFixtures.backup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which backup a restore starts from, and how the target is written for PostgreSQL. */
class PointInTimeRestoreChoiceTest {

  private static final Instant TEN = Instant.parse("2026-12-06T10:00:00Z");
  private static final BackupManifest FIRST = backup(BackupKind.DAILY, TEN, 1, 1);
  private static final BackupManifest SECOND =
      backup(BackupKind.HOURLY, TEN.plusSeconds(3600), 3, 3);

  private final ArchiveContents archive =
      new ArchiveFixtures()
          .with(FIRST)
          .with(SECOND)
          .withSegments(1, 5)
          .withMark(TEN.plusSeconds(1800), 2)
          .withMark(TEN.plusSeconds(7200), 5)
          .contents();

  @Test
  void startsFromTheNewestBackupThatStoppedBeforeTheTarget() {
    assertThat(PointInTimeRestore.choose(archive, TEN.plusSeconds(1800))).isEqualTo(FIRST);
    assertThat(PointInTimeRestore.choose(archive, TEN.plusSeconds(3700))).isEqualTo(SECOND);
  }

  @Test
  void refusesATargetBeforeAnyBackupStoppedOrAtTheStopItself() {
    assertThatThrownBy(() -> PointInTimeRestore.choose(archive, FIRST.stopped()))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("no complete base backup stopped before");
  }

  @Test
  void refusesATargetAfterTheNewestArchivedMark() {
    assertThatThrownBy(() -> PointInTimeRestore.choose(archive, TEN.plusSeconds(7201)))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("restores to 2026-12-06T12:00:00Z");
  }

  @Test
  void writesTheTargetInUtcWithItsOffsetRoundedUpToTheMicrosecond() {
    assertThat(PointInTimeRestore.targetTime(Instant.parse("2026-12-06T10:00:00.123456Z")))
        .isEqualTo("2026-12-06 10:00:00.123456+00:00");
    assertThat(PointInTimeRestore.targetTime(Instant.parse("2026-12-06T10:00:00.1234561Z")))
        .isEqualTo("2026-12-06 10:00:00.123457+00:00");
  }
}
