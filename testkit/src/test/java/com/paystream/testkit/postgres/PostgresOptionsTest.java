package com.paystream.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresOptionsTest {

  @TempDir Path dir;

  @Test
  void archivesEveryFinishedSegmentUnderItsOwnName() throws SQLException {
    Path archive = dir.resolve("wal archive with 'quotes' and 100%");
    try (Postgres postgres =
        Postgres.start(
            PostgresOptions.builder().dataDir(dir.resolve("data")).walArchive(archive).build())) {
      String segment =
          queryString(postgres.dataSource("postgres"), "select pg_walfile_name(pg_switch_wal())");

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(archive.resolve(segment)));
      assertThat(queryString(postgres.dataSource("postgres"), "show archive_timeout"))
          .isEqualTo("1min");
      assertThat(
              queryString(
                  postgres.dataSource("postgres"),
                  "select failed_count::text from pg_stat_archiver"))
          .isEqualTo("0");
      assertThat(archive.resolve(segment + ".part")).doesNotExist();
    }
  }

  @Test
  void namesTheSynchronousStandbysInOrderOfPreference() throws SQLException {
    try (Postgres postgres =
        Postgres.start(
            PostgresOptions.builder()
                .synchronousStandby("standby_a")
                .synchronousStandby("standby_b")
                .setting("work_mem", "8MB")
                .build())) {
      DataSource admin = postgres.dataSource("postgres");

      assertThat(queryString(admin, "show synchronous_standby_names"))
          .isEqualTo("FIRST 1 (standby_a, standby_b)");
      assertThat(queryString(admin, "show wal_level")).isEqualTo("replica");
      assertThat(queryString(admin, "show synchronous_commit")).isEqualTo("on");
      assertThat(queryString(admin, "show work_mem")).isEqualTo("8MB");
      assertThat(postgres.isInRecovery()).isFalse();
    }
  }

  @Test
  void recoversCommittedRowsAfterThePostmasterWasKilled() throws SQLException {
    Path data = dir.resolve("data");
    try (Postgres postgres = Postgres.start(data, 0)) {
      execute(postgres.dataSource("postgres"), "create table entry (id int)");
      execute(postgres.dataSource("postgres"), "insert into entry values (42)");
      long pid = postgres.killPostmaster();

      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    try (Postgres postgres = Postgres.start(data, 0)) {
      assertThat(queryString(postgres.dataSource("postgres"), "select id::text from entry"))
          .isEqualTo("42");
    }
  }

  @Test
  void startsAgainOnceTheBackendsOfAKilledPostmasterHaveLetGoOfItsSharedMemory() throws Exception {
    Path data = dir.resolve("data");
    Postgres postgres = Postgres.start(data, 0);
    DataSource admin = postgres.dataSource("postgres");
    // A backend busy computing does not look for its postmaster until it is done.
    CompletableFuture<Void> busy =
        CompletableFuture.runAsync(
            () -> {
              try {
                execute(admin, "select count(*) from generate_series(1, 40000000)");
              } catch (SQLException expected) {
                // its connection ends with the server
              }
            });
    String backend =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    queryStringOrNull(
                        admin,
                        "select pid::text from pg_stat_activity where query like '%generate_series%'"
                            + " and pid <> pg_backend_pid()"),
                pid -> pid != null);
    postgres.killPostmaster();
    postgres.close();

    assertThat(ProcessHandle.of(Long.parseLong(backend)).map(ProcessHandle::isAlive))
        .as("the busy backend outlives its postmaster")
        .contains(true);
    try (Postgres restarted = Postgres.start(data, 0)) {
      assertThat(restarted.isInRecovery()).isFalse();
    }
    busy.join();
  }

  private static String queryStringOrNull(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    }
  }

  static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static String queryString(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }
}
