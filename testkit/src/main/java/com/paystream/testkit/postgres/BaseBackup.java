package com.paystream.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A base backup with PostgreSQL's low-level API ("Making a Base Backup Using the Low Level API"),
 * from Java: {@code pg_backup_start}, a file-by-file copy of the data directory, {@code
 * pg_backup_stop}, and the {@code backup_label} it returns written into the copy. The zonky
 * binaries have no {@code pg_basebackup}; this needs only a superuser connection and read access to
 * the data directory, so the server must run on this machine.
 *
 * <p>Works on a primary and on a standby (there the backup's checkpoint is a restartpoint, and the
 * primary must run with {@code full_page_writes} on, as the kit's servers do).
 */
public final class BaseBackup {

  private static final Logger log = LoggerFactory.getLogger(BaseBackup.class);

  /** Directories whose contents a backup leaves out (the server rebuilds or never needs them). */
  private static final Set<String> EMPTIED_DIRECTORIES =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  /**
   * Files left out: the running server's own, the kit's lock, signals that would make the copy a
   * standby or a restore before its owner says so, and a label of some other backup.
   */
  private static final Set<String> EXCLUDED_FILES =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "epg-lock",
          "standby.signal",
          "recovery.signal",
          "backup_label",
          "tablespace_map",
          "backup_manifest",
          "pg_internal.init",
          "postgresql.auto.conf.tmp",
          "current_logfiles.tmp");

  private static final Pattern START_WAL =
      Pattern.compile("^START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)$", Pattern.MULTILINE);
  private static final Pattern START_TIMELINE =
      Pattern.compile("^START TIMELINE: (\\d+)$", Pattern.MULTILINE);

  private BaseBackup() {}

  /**
   * Copies {@code source}'s data directory to {@code target} (absent or empty) as a base backup
   * named {@code label}. Everything happens on one session: closing it early aborts the backup.
   * When {@code source} archives its WAL, returns only once the last segment the backup needs is
   * archived.
   */
  public static BackupCopy copy(Postgres source, Path target, String label) {
    return copy(source.dataSource("postgres"), source.dataDir(), target, label);
  }

  /**
   * The same for a server this JVM did not start (a local stack's primary in another process):
   * {@code superuser} connects to it, {@code sourceDataDir} is its data directory.
   */
  public static BackupCopy copy(
      DataSource superuser, Path sourceDataDir, Path target, String label) {
    requireEmptyOrAbsent(target);
    try (Connection session = superuser.getConnection()) {
      boolean inRecovery = queryBoolean(session, "select pg_is_in_recovery()");
      Instant started = serverClock(session);
      String startLsn = start(session, label);
      log.info("Base backup {} of {} started at {}", label, sourceDataDir, startLsn);
      copyDataDirectory(sourceDataDir, target);
      BackupCopy copy = stop(session, target, label, startLsn, started, inRecovery);
      log.info("Base backup {} copied to {}, consistent at {}", label, target, copy.stopLsn());
      return copy;
    } catch (SQLException e) {
      throw new IllegalStateException("base backup " + label + " failed", e);
    }
  }

  private static String start(Connection session, String label) throws SQLException {
    // fast: an immediate checkpoint rather than one spread over checkpoint_timeout.
    try (PreparedStatement statement =
        session.prepareStatement("select pg_backup_start(?, true)::text")) {
      statement.setString(1, label);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    }
  }

  private static BackupCopy stop(
      Connection session,
      Path target,
      String label,
      String startLsn,
      Instant started,
      boolean inRecovery)
      throws SQLException {
    String stopLsn;
    String labelFile;
    String tablespaceMap;
    // wait_for_archive: with archiving on, the backup is usable only once its WAL is archived.
    try (Statement statement = session.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select lsn::text, labelfile, spcmapfile from pg_backup_stop(true)")) {
      result.next();
      stopLsn = result.getString(1);
      labelFile = result.getString(2);
      tablespaceMap = result.getString(3);
    }
    Instant stopped = serverClock(session);
    write(target.resolve("backup_label"), labelFile);
    if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
      write(target.resolve("tablespace_map"), tablespaceMap);
    }
    int timeline = Integer.parseInt(find(START_TIMELINE, labelFile));
    String stopWalFile =
        inRecovery
            ? WalFiles.name(timeline, stopLsn, walSegmentSize(session))
            : walFileName(session, stopLsn);
    return new BackupCopy(
        label,
        startLsn,
        stopLsn,
        started,
        stopped,
        timeline,
        find(START_WAL, labelFile),
        stopWalFile);
  }

  private static void copyDataDirectory(Path source, Path target) {
    try {
      Files.createDirectories(target);
      // PostgreSQL refuses a data directory others may read.
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
      Files.walkFileTree(source, new Copier(source, target));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }

  /** Copies what a base backup holds; a file that vanishes during the copy is simply not in it. */
  private static final class Copier extends SimpleFileVisitor<Path> {

    private final Path source;
    private final Path target;

    Copier(Path source, Path target) {
      this.source = source;
      this.target = target;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
        throws IOException {
      Path relative = source.relativize(dir);
      String name = dir.getFileName().toString();
      if (name.startsWith("pgsql_tmp")) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      Files.createDirectories(target.resolve(relative));
      if (relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(name)) {
        if (name.equals("pg_wal")) {
          Files.createDirectories(target.resolve(relative).resolve("archive_status"));
        }
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      String name = file.getFileName().toString();
      if (EXCLUDED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
        return FileVisitResult.CONTINUE;
      }
      try {
        // A symbolic link (a tablespace in pg_tblspc) is copied as the link itself.
        Files.copy(
            file,
            target.resolve(source.relativize(file)),
            StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException vanished) {
        // Dropped or truncated-and-removed while copying: the WAL replay recreates what matters.
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw e;
    }
  }

  private static void requireEmptyOrAbsent(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
      if (entries.iterator().hasNext()) {
        throw new IllegalArgumentException("a base backup needs an empty directory: " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + target, e);
    }
  }

  private static String walFileName(Connection session, String lsn) throws SQLException {
    try (PreparedStatement statement =
        session.prepareStatement("select pg_walfile_name(?::pg_lsn)")) {
      statement.setString(1, lsn);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    }
  }

  private static long walSegmentSize(Connection session) throws SQLException {
    try (Statement statement = session.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select setting::bigint from pg_settings where name = 'wal_segment_size'")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Instant serverClock(Connection session) throws SQLException {
    try (Statement statement = session.createStatement();
        ResultSet result = statement.executeQuery("select clock_timestamp()")) {
      result.next();
      return result.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private static boolean queryBoolean(Connection session, String sql) throws SQLException {
    try (Statement statement = session.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getBoolean(1);
    }
  }

  private static String find(Pattern pattern, String labelFile) {
    Matcher matcher = pattern.matcher(labelFile);
    if (!matcher.find()) {
      throw new IllegalStateException("unexpected backup label: " + labelFile);
    }
    return matcher.group(1);
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
