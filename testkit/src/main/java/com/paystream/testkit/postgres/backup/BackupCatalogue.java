package com.paystream.testkit.postgres.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The base backups of an archive, each with the instants it can restore to. */
public final class BackupCatalogue {

  private BackupCatalogue() {}

  /**
   * One entry per directory under {@code base/}, oldest first. An incomplete one (no manifest: in
   * progress or abandoned) is listed with no manifest and no range.
   *
   * @param range empty for an incomplete backup, or when WAL between its start and stop is missing
   */
  public record Entry(
      String id,
      Instant started,
      Optional<BackupManifest> manifest,
      Optional<RestorableRange> range) {

    public boolean isComplete() {
      return manifest.isPresent();
    }
  }

  public static List<Entry> read(Path archive) {
    return of(BackupArchive.existing(archive).read());
  }

  public static List<Entry> of(ArchiveContents contents) {
    return contents.backups().stream()
        .map(
            backup ->
                new Entry(
                    backup.id(),
                    backup.started(),
                    backup.manifest(),
                    backup.manifest().flatMap(contents::restorableRange)))
        .toList();
  }
}
