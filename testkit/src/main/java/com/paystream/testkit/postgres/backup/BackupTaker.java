package com.paystream.testkit.postgres.backup;

import com.paystream.testkit.postgres.BackupCopy;
import com.paystream.testkit.postgres.BaseBackup;
import com.paystream.testkit.postgres.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes base backups of one primary into one archive ({@code base/<id>/}), and the commit marks
 * that say how far the archive reaches.
 */
public final class BackupTaker implements BackupScheduler.Backups {

  private static final Logger log = LoggerFactory.getLogger(BackupTaker.class);

  private final DataSource superuser;
  private final Path dataDir;
  private final BackupArchive archive;
  private final Clock clock;

  /**
   * @param superuser connects to the primary as a superuser
   * @param dataDir the primary's data directory, on this machine
   */
  public BackupTaker(DataSource superuser, Path dataDir, BackupArchive archive, Clock clock) {
    this.superuser = superuser;
    this.dataDir = dataDir;
    this.archive = archive;
    this.clock = clock;
  }

  public BackupTaker(Postgres primary, BackupArchive archive, Clock clock) {
    this(primary.dataSource("postgres"), primary.dataDir(), archive, clock);
  }

  /**
   * Copies the primary into {@code base/<id>/} and writes the manifest last. {@link
   * BaseBackup#copy} returns once the backup's last segment is archived, so a listed backup can be
   * restored; a mark right after it lets the catalogue show a range as soon as that is archived.
   */
  @Override
  public BackupManifest take(BackupKind kind) {
    String id = BackupManifest.idFor(clock.instant(), kind);
    Path dir = archive.backupDir(id);
    BackupCopy copy = BaseBackup.copy(superuser, dataDir, dir, "paystream " + id);
    BackupManifest manifest =
        new BackupManifest(
            id,
            kind,
            copy.label(),
            copy.started(),
            copy.stopped(),
            copy.startLsn(),
            copy.stopLsn(),
            copy.timeline(),
            copy.startWalFile(),
            copy.stopWalFile(),
            sizeBytes(dir));
    archive.writeManifest(manifest);
    mark();
    log.info(
        "Took {} backup {} ({} bytes, WAL {} to {})",
        kind,
        id,
        manifest.sizeBytes(),
        manifest.startWalFile(),
        manifest.stopWalFile());
    return manifest;
  }

  /** Commits a mark on the primary and appends it to the archive ({@link CommitMarks}). */
  @Override
  public CommitMark mark() {
    return CommitMarks.record(superuser, archive);
  }

  private static long sizeBytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(BackupTaker::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + dir, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + file, e);
    }
  }
}
