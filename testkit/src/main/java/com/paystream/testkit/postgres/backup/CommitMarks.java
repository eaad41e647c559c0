package com.paystream.testkit.postgres.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Records how far the archive reaches, without reading WAL (the kit ships no pg_waldump).
 *
 * <p>Recovery to a time stops at the first commit (or abort) record at or after the target; when
 * the archived WAL holds none, PostgreSQL refuses to finish ("recovery ended before configured
 * recovery target was reached"). The time an archived segment was written is therefore not enough:
 * a target after the segment's last commit fails although the segment is there. A mark is a
 * transaction that gets a transaction id and commits: its commit record's time is at or after the
 * {@code clock_timestamp()} read inside it, and it ends in the segment {@code
 * pg_walfile_name(pg_current_wal_lsn())} names once it is flushed. With that segment archived,
 * every target up to the mark's time is reached.
 */
public final class CommitMarks {

  private CommitMarks() {}

  /** Commits a mark on the primary behind {@code superuser} and appends it to the archive. */
  public static CommitMark record(DataSource superuser, BackupArchive archive) {
    try (Connection connection = superuser.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      Instant at;
      // txid_current() assigns a transaction id, so the commit writes a record with its time.
      try (ResultSet result = statement.executeQuery("select txid_current(), clock_timestamp()")) {
        result.next();
        at = result.getObject(2, java.time.OffsetDateTime.class).toInstant();
      }
      String walFile;
      try (ResultSet result =
          statement.executeQuery("select pg_walfile_name(pg_current_wal_lsn())")) {
        result.next();
        walFile = result.getString(1);
      }
      CommitMark mark = new CommitMark(at, walFile);
      archive.appendMark(mark);
      return mark;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record a commit mark", e);
    }
  }
}
