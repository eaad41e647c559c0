package com.paystream.testkit.postgres;

import static com.paystream.testkit.postgres.Sql.execute;
import static com.paystream.testkit.postgres.Sql.queryString;
import static com.paystream.testkit.postgres.Sql.queryStrings;
import static com.paystream.testkit.postgres.Sql.tableExists;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StandbyTest {

  private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void synchronousStandbyHasEveryCommitFlushedBeforeThePrimaryAnswers() throws Exception {
    try (Postgres primary =
        Postgres.start(
            PostgresOptions.builder()
                .dataDir(dir.resolve("primary"))
                .synchronousStandby("replica")
                .build())) {
      // every commit waits for the standby from now on: even the first needs it running
      StandbyOptions options = StandbyOptions.of(dir.resolve("replica"), "replica");
      Postgres standby = Standby.start(primary, options);
      execute(primary, "create table entry (id int primary key)");
      Awaitility.await()
          .atMost(REPLICATION_TIMEOUT)
          .until(
              () -> queryStrings(primary, "select sync_state from pg_stat_replication"),
              states -> states.equals(List.of("sync")));

      String lsnBeforeCommit = insertInTransaction(primary, 1);

      // synchronous_commit=on: the commit record is flushed on the standby before the answer
      assertThat(
              queryString(
                  primary,
                  "select flush_lsn > '"
                      + lsnBeforeCommit
                      + "'::pg_lsn from pg_stat_replication where application_name = 'replica'"))
          .isEqualTo("t");
      Awaitility.await()
          .atMost(REPLICATION_TIMEOUT)
          .until(() -> queryString(standby, "select count(*)::text from entry"), "1"::equals);
      assertThat(standby.isInRecovery()).isTrue();

      standby.close();
      CompletableFuture<String> waiting =
          CompletableFuture.supplyAsync(() -> insertInTransaction(primary, 2));

      assertThatWaits(waiting, Duration.ofSeconds(2));
      Postgres restarted = Standby.start(primary, options);
      waiting.get(REPLICATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      Awaitility.await()
          .atMost(REPLICATION_TIMEOUT)
          .until(() -> queryString(restarted, "select count(*)::text from entry"), "2"::equals);
      restarted.close();
    }
  }

  @Test
  void baseBackupOfAStandbyNamesItsWalFilesWithoutPgWalfileName() {
    try (Postgres primary = Postgres.start(dir.resolve("primary"), 0);
        Postgres standby =
            Standby.start(primary, StandbyOptions.of(dir.resolve("replica"), "replica"))) {
      execute(primary, "create table entry (id int primary key)");
      execute(primary, "insert into entry select generate_series(1, 1000)");
      execute(primary, "checkpoint");

      BackupCopy copy = BaseBackup.copy(standby, dir.resolve("copy"), "from the standby");

      assertThat(copy.timeline()).isEqualTo(1);
      assertThat(copy.stopWalFile())
          .isEqualTo(queryString(primary, "select pg_walfile_name('" + copy.stopLsn() + "')"));
      assertThat(copy.startWalFile())
          .isEqualTo(queryString(primary, "select pg_walfile_name('" + copy.startLsn() + "')"));
    }
  }

  @Test
  void delayedStandbyRecoversToTheInstantBeforeATableWasDropped() throws Exception {
    Path archive = dir.resolve("archive");
    Duration delay = Duration.ofSeconds(15);
    try (Postgres primary =
        Postgres.start(
            PostgresOptions.builder()
                .dataDir(dir.resolve("primary"))
                .walArchive(archive)
                .build())) {
      execute(primary, "create table entry (id int primary key)");
      execute(primary, "create table noise (id bigserial primary key)");
      AtomicBoolean writing = new AtomicBoolean(true);
      CompletableFuture<Void> noise =
          CompletableFuture.runAsync(() -> writeNoise(primary, writing));

      long startedNanos = System.nanoTime();
      Postgres standby =
          Standby.start(
              primary,
              StandbyOptions.of(dir.resolve("delayed"), "delayed")
                  .withApplyDelay(delay)
                  .withWalArchive(archive));
      Duration startup = Duration.ofNanos(System.nanoTime() - startedNanos);
      writing.set(false);
      noise.join();

      // commits were running during its base backup, yet it did not wait out the delay
      assertThat(startup).isLessThan(delay);
      assertThat(tableExists(standby, "entry")).isTrue();

      execute(primary, "insert into entry values (1), (2), (3)");
      Instant beforeMistake = primaryClock(primary);
      execute(primary, "insert into entry values (4)");
      execute(primary, "drop table entry");
      String dropLsn = queryString(primary, "select pg_current_wal_lsn()::text");

      Awaitility.await()
          .atMost(REPLICATION_TIMEOUT)
          .until(
              () ->
                  queryString(
                      standby, "select pg_last_wal_receive_lsn() >= '" + dropLsn + "'::pg_lsn"),
              "t"::equals);
      assertThat(queryString(standby, "select count(*)::text from entry"))
          .as("nothing committed less than the delay ago is applied")
          .isEqualTo("0");

      Postgres recovered = Standby.recoverTo(standby, beforeMistake, archive);
      assertThat(recovered.isInRecovery()).isFalse();
      assertThat(queryStrings(recovered, "select id::text from entry order by id"))
          .containsExactly("1", "2", "3");
      execute(recovered, "insert into entry values (5)");
      recovered.close();

      // a supervisor restarting the same command line: started as the primary it has become
      try (Postgres again =
          Standby.recoverTo(dir.resolve("delayed"), recovered.port(), beforeMistake, archive)) {
        assertThat(queryStrings(again, "select id::text from entry order by id"))
            .containsExactly("1", "2", "3", "5");
      }
    }
  }

  private static void assertThatWaits(CompletableFuture<?> commit, Duration during)
      throws Exception {
    try {
      commit.get(during.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("the commit did not wait for the synchronous standby");
    } catch (TimeoutException expected) {
      // still waiting for the standby, as it should
    }
  }

  /** Inserts in a transaction and returns the WAL position just before its commit. */
  private static String insertInTransaction(Postgres primary, int id) {
    try (Connection connection = primary.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("insert into entry values (" + id + ")");
      String lsn;
      try (ResultSet result = statement.executeQuery("select pg_current_wal_insert_lsn()::text")) {
        result.next();
        lsn = result.getString(1);
      }
      connection.commit();
      return lsn;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant primaryClock(Postgres primary) throws SQLException {
    try (Connection connection = primary.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select clock_timestamp()")) {
      result.next();
      return result.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private static void writeNoise(Postgres primary, AtomicBoolean writing) {
    try (Connection connection = primary.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      while (writing.get()) {
        statement.execute("insert into noise default values");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
