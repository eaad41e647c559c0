package com.paystream.testkit.postgres.backup;

import com.paystream.testkit.support.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backup archive on disk: {@code wal/} (segments, written by the primary's archive command),
 * {@code base/<id>/} (a data directory copy with its {@code backup_label} and, last, {@code
 * backup.json}) and {@code commit-marks.log}. Keep it outside anything the local stack wipes.
 */
public final class BackupArchive {

  public static final String MANIFEST = "backup.json";
  private static final Logger log = LoggerFactory.getLogger(BackupArchive.class);
  private static final String MARKS = "commit-marks.log";

  private final Path root;

  private BackupArchive(Path root) {
    this.root = root;
  }

  /** The archive at {@code root}, with its {@code wal/} and {@code base/} created if missing. */
  public static BackupArchive at(Path root) {
    BackupArchive archive = new BackupArchive(Directories.ensure(root));
    Directories.ensure(archive.wal());
    Directories.ensure(archive.base());
    return archive;
  }

  /**
   * The archive at {@code root}, which must exist: reading a mistyped path reports it instead of
   * creating an empty archive there.
   */
  public static BackupArchive existing(Path root) {
    BackupArchive archive = new BackupArchive(root.toAbsolutePath());
    if (!Files.isDirectory(archive.wal()) || !Files.isDirectory(archive.base())) {
      throw new IllegalArgumentException("no backup archive (wal/ and base/) at " + root);
    }
    return archive;
  }

  public Path root() {
    return root;
  }

  /** Where the primary's {@code archive_command} copies segments and restore reads them. */
  public Path wal() {
    return root.resolve("wal");
  }

  public Path base() {
    return root.resolve("base");
  }

  public Path backupDir(String id) {
    return base().resolve(id);
  }

  /** Everything retention and the catalogue decide on, read now. */
  public ArchiveContents read() {
    List<StoredBackup> backups = new ArrayList<>();
    for (Path dir : list(base())) {
      readBackup(dir).ifPresent(backups::add);
    }
    List<WalFileName> wal = new ArrayList<>();
    long segmentBytes = ArchiveContents.DEFAULT_WAL_SEGMENT_BYTES;
    for (Path file : list(wal())) {
      Optional<WalFileName> name = WalFileName.parse(file.getFileName().toString());
      if (name.isPresent()) {
        wal.add(name.get());
        if (name.get().type() == WalFileName.Type.SEGMENT) {
          segmentBytes = size(file);
        }
      }
    }
    return new ArchiveContents(backups, wal, marks(), segmentBytes);
  }

  /**
   * Writes the manifest through a temp file and an atomic move: the catalogue sees the backup whole
   * or not at all.
   */
  public void writeManifest(BackupManifest manifest) {
    Path dir = backupDir(manifest.id());
    Path temp = dir.resolve(MANIFEST + ".tmp");
    try {
      Files.writeString(temp, manifest.toJson(), StandardCharsets.UTF_8);
      Files.move(temp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the manifest of backup " + manifest.id(), e);
    }
  }

  /** Appends one mark; a crash mid-line leaves a torn line that reading skips. */
  public void appendMark(CommitMark mark) {
    try {
      Files.writeString(
          root.resolve(MARKS),
          mark.toLine() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + root.resolve(MARKS), e);
    }
  }

  public List<CommitMark> marks() {
    Path file = root.resolve(MARKS);
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.flatMap(line -> CommitMark.fromLine(line).stream()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Removes what the plan names, backups first (a half-removed backup is then incomplete, not
   * listed), and rewrites the marks without those in removed segments.
   */
  public void apply(RetentionPlan plan) {
    for (String id : plan.backupIds()) {
      Path dir = backupDir(id);
      // Manifest first: from then on the directory is incomplete, never a listed half backup.
      delete(dir.resolve(MANIFEST));
      Directories.deleteRecursively(dir);
      log.info("Retention removed base backup {}", id);
    }
    for (String name : plan.walFiles()) {
      delete(wal().resolve(name));
    }
    if (!plan.walFiles().isEmpty()) {
      log.info(
          "Retention removed {} WAL files before {}",
          plan.walFiles().size(),
          plan.walKeptFrom().map(WalFileName::name).orElse("-"));
    }
    plan.walKeptFrom().ifPresent(this::keepMarksFrom);
  }

  private void keepMarksFrom(WalFileName from) {
    List<CommitMark> marks = marks();
    List<String> kept =
        marks.stream()
            .filter(mark -> mark.walFileName().comparePosition(from) >= 0)
            .map(CommitMark::toLine)
            .toList();
    if (kept.size() == marks.size()) {
      return;
    }
    Path temp = root.resolve(MARKS + ".tmp");
    try {
      Files.write(temp, kept, StandardCharsets.UTF_8);
      Files.move(temp, root.resolve(MARKS), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + root.resolve(MARKS), e);
    }
  }

  private Optional<StoredBackup> readBackup(Path dir) {
    String id = dir.getFileName().toString();
    Path manifest = dir.resolve(MANIFEST);
    try {
      if (Files.exists(manifest)) {
        return Optional.of(
            StoredBackup.complete(
                BackupManifest.fromJson(Files.readString(manifest, StandardCharsets.UTF_8))));
      }
      return Optional.of(StoredBackup.incomplete(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    } catch (RuntimeException e) {
      // Not a directory this archive wrote (no parseable id or manifest): left alone, unlisted.
      log.warn("Ignoring {} in the backup archive: {}", dir, e.getMessage());
      return Optional.empty();
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
