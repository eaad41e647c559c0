package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchivedPrimary.count;
import static com.paystream.testkit.postgres.backup.ArchivedPrimary.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.testkit.postgres.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary archives its WAL; a base backup, more rows, an instant T, then a superuser's TRUNCATE.
 * The archive restores to T on a new data directory and port: every row up to T, the truncate
 * undone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointInTimeRestoreTest {

  private Path dir;

  private ArchivedPrimary primary;
  private BackupManifest backup;
  private Instant beforeTruncate;
  private Postgres restored;
  private Map<String, FileTime> archivedBeforeRestore;

  @BeforeAll
  void truncateAfterABackupAndRestoreToJustBefore(@TempDir Path dir) {
    this.dir = dir;
    primary = new ArchivedPrimary(dir.resolve("archive"));
    primary.insert(1, 10);
    backup = primary.taker.take(BackupKind.DAILY);
    primary.insert(11, 20);
    beforeTruncate = primary.now();
    execute(primary.server, "truncate entry");
    primary.markAndArchive();
    archivedBeforeRestore = lastModified(primary.archive.wal());

    restored =
        PointInTimeRestore.restore(
            primary.archive.root(), beforeTruncate, dir.resolve("restored"), 0);
  }

  private static Map<String, FileTime> lastModified(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      Map<String, FileTime> times = new HashMap<>();
      for (Path file : files.toList()) {
        times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
      }
      return times;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stop() {
    if (restored != null) {
      restored.close();
    }
    primary.close();
  }

  @Test
  void theRestoredServerHasEveryRowCommittedBeforeTheTargetAndNotTheTruncate() {
    assertThat(count(primary.server)).isZero();
    assertThat(count(restored)).isEqualTo(20);
  }

  @Test
  void theRestoredServerIsANewPrimaryOnItsOwnPortArchivingANewTimeline() {
    assertThat(restored.port()).isNotEqualTo(primary.server.port());
    assertThat(restored.isInRecovery()).isFalse();

    execute(restored, "insert into entry values (21)");

    await()
        .atMost(ArchivedPrimary.ARCHIVING)
        .until(() -> Files.exists(primary.archive.wal().resolve("00000002.history")));
    assertThat(count(restored)).isEqualTo(21);
  }

  @Test
  void theRestoredServerLeavesTheOldTimelinesArchivedFilesAsTheyWere() {
    execute(restored, "select pg_switch_wal()");
    await()
        .atMost(ArchivedPrimary.ARCHIVING)
        .until(() -> Files.exists(primary.archive.wal().resolve("00000002.history")));

    Map<String, FileTime> now = lastModified(primary.archive.wal());

    assertThat(now).containsAllEntriesOf(archivedBeforeRestore);
    assertThat(now.keySet())
        .filteredOn(name -> !archivedBeforeRestore.containsKey(name))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).matches("00000002.*|.*\\.partial"));
  }

  @Test
  void theCatalogueListsTheBackupWithARangeThatReachesTheTarget() {
    List<BackupCatalogue.Entry> entries = BackupCatalogue.read(primary.archive.root());

    assertThat(entries).extracting(BackupCatalogue.Entry::id).containsExactly(backup.id());
    RestorableRange range = entries.get(0).range().orElseThrow();
    assertThat(range.from()).isEqualTo(backup.stopped());
    assertThat(range.reaches(beforeTruncate)).isTrue();
  }

  @Test
  void refusesATargetBeforeTheFirstBackupStopped() {
    assertThatThrownBy(
            () ->
                PointInTimeRestore.restore(
                    primary.archive.root(), backup.started(), dir.resolve("too-early")))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("no complete base backup stopped before");
    assertThat(dir.resolve("too-early")).doesNotExist();
  }

  @Test
  void refusesATargetTheArchivedWalDoesNotReach() {
    Instant later = Instant.now().plus(Duration.ofHours(1));

    assertThatThrownBy(
            () ->
                PointInTimeRestore.restore(primary.archive.root(), later, dir.resolve("too-late")))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("does not reach");
    assertThat(dir.resolve("too-late")).doesNotExist();
  }
}
