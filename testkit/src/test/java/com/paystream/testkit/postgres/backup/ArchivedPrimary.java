package com.paystream.testkit.postgres.backup;

import static org.awaitility.Awaitility.await;

import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.PostgresOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A real primary archiving into a backup archive (1 s {@code archive_timeout}), with a table of
 * entries, for the tests that back it up and restore it.
 */
final class ArchivedPrimary implements AutoCloseable {

  static final Duration ARCHIVING = Duration.ofSeconds(30);

  final BackupArchive archive;
  final Postgres server;
  final BackupTaker taker;

  ArchivedPrimary(Path archiveRoot) {
    archive = BackupArchive.at(archiveRoot);
    server =
        Postgres.start(
            PostgresOptions.builder()
                .walArchive(archive.wal())
                .archiveTimeout(Duration.ofSeconds(1))
                .build());
    taker = new BackupTaker(server, archive, Clock.systemUTC());
    execute(server, "create table entry (id int primary key)");
  }

  void insert(int fromInclusive, int toInclusive) {
    execute(
        server,
        "insert into entry select generate_series(" + fromInclusive + ", " + toInclusive + ")");
  }

  /** The server's clock: every commit answered before this call committed before it. */
  Instant now() {
    try (Connection connection = server.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select clock_timestamp()")) {
      result.next();
      return result.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A commit mark, then a segment switch, and waits until the mark's segment is archived. */
  CommitMark markAndArchive() {
    CommitMark mark = taker.mark();
    execute(server, "select pg_switch_wal()");
    await().atMost(ARCHIVING).until(() -> Files.exists(archive.wal().resolve(mark.walFile())));
    return mark;
  }

  static void execute(Postgres server, String sql) {
    try (Connection connection = server.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  static long count(Postgres server) {
    try (Connection connection = server.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from entry")) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
