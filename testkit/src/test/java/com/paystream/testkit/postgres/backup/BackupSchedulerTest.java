package com.paystream.testkit.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSchedulerTest {

  @TempDir Path root;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T00:00:30Z"));

  @Test
  void takesTheDailyThenOneHourlyPerClockHourAndMarksEveryCheck() {
    BackupArchive archive = BackupArchive.at(root);
    FakeBackups backups = new FakeBackups(archive, clock);
    BackupScheduler scheduler =
        new BackupScheduler(archive, BackupPolicy.defaults(), clock, backups);

    List<BackupKind> taken = new ArrayList<>();
    for (int minute = 0; minute < 150; minute++) {
      scheduler.check().ifPresent(manifest -> taken.add(manifest.kind()));
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(taken).containsExactly(BackupKind.DAILY, BackupKind.HOURLY, BackupKind.HOURLY);
    assertThat(backups.marks).isEqualTo(150);
  }

  @Test
  void appliesRetentionAfterEachBackup() {
    BackupArchive archive = BackupArchive.at(root);
    FakeBackups backups = new FakeBackups(archive, clock);
    BackupPolicy policy = BackupPolicy.defaults().withHourlyKept(Duration.ofHours(2));
    BackupScheduler scheduler = new BackupScheduler(archive, policy, clock, backups);

    for (int hour = 0; hour < 6; hour++) {
      scheduler.check();
      clock.advance(Duration.ofHours(1));
    }

    // the daily of 00:00 and the hourlies of the last two hours (03:00 exactly two hours before
    // the check at 05:00); 01:00 and 02:00 expired
    assertThat(archive.read().complete())
        .extracting(BackupManifest::id)
        .containsExactly(
            "20261206T000030Z-daily",
            "20261206T030030Z-hourly",
            "20261206T040030Z-hourly",
            "20261206T050030Z-hourly");
  }

  @Test
  void aFailingCheckDoesNotEndTheSchedule() {
    BackupArchive archive = BackupArchive.at(root);
    FakeBackups backups = new FakeBackups(archive, clock);
    backups.failNextMarks = 2;

    try (BackupScheduler scheduler =
        new BackupScheduler(archive, BackupPolicy.defaults(), clock, backups)
            .start(Duration.ofMillis(20))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> archive.read().complete().size() == 1);
    }
  }

  /** A clock the test moves, as the scheduler's checks would see time pass. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Writes a manifest (and nothing else) per backup; counts marks. */
  static final class FakeBackups implements BackupScheduler.Backups {
    private final BackupArchive archive;
    private final Clock clock;
    private int segment = 1;
    int marks;
    volatile int failNextMarks;

    FakeBackups(BackupArchive archive, Clock clock) {
      this.archive = archive;
      this.clock = clock;
    }

    @Override
    public BackupManifest take(BackupKind kind) {
      Instant started = clock.instant();
      BackupManifest manifest = ArchiveFixtures.backup(kind, started, segment, segment);
      segment++;
      try {
        Files.createDirectories(archive.backupDir(manifest.id()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      archive.writeManifest(manifest);
      return manifest;
    }

    @Override
    public CommitMark mark() {
      if (failNextMarks > 0) {
        failNextMarks--;
        throw new IllegalStateException("the primary is down");
      }
      marks++;
      return new CommitMark(clock.instant(), ArchiveFixtures.segment(segment));
    }
  }
}
