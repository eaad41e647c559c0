package com.paystream.testkit.postgres;

import static com.paystream.testkit.postgres.PostgresOptionsTest.execute;
import static com.paystream.testkit.postgres.PostgresOptionsTest.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseBackupTest {

  @TempDir Path dir;

  @Test
  void copyTakenDuringWritesRestoresFromTheArchiveWithEveryCommitBeforeItStopped()
      throws Exception {
    Path archive = dir.resolve("archive");
    try (Postgres primary =
        Postgres.start(
            PostgresOptions.builder()
                .dataDir(dir.resolve("primary"))
                .walArchive(archive)
                .build())) {
      execute(primary.dataSource("postgres"), "create table entry (id int primary key)");
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger committed = new AtomicInteger();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(() -> insert(primary, writing, committed));

      Awaitility.await().until(() -> committed.get() > 100);
      int committedBeforeStart = committed.get();
      BackupCopy copy = BaseBackup.copy(primary, dir.resolve("copy"), "nightly");
      int committedAfterStop = committed.get();
      writing.set(false);
      writer.join();

      assertThat(copy.label()).isEqualTo("nightly");
      assertThat(copy.timeline()).isEqualTo(1);
      assertThat(copy.stopped()).isAfter(copy.started());
      assertThat(WalFiles.parseLsn(copy.stopLsn()))
          .isGreaterThan(WalFiles.parseLsn(copy.startLsn()));
      assertThat(copy.startWalFile())
          .isEqualTo(
              queryString(
                  primary.dataSource("postgres"),
                  "select pg_walfile_name('" + copy.startLsn() + "')"));
      assertThat(archive.resolve(copy.stopWalFile())).exists();
      assertThat(Files.readString(dir.resolve("copy/backup_label"))).contains("LABEL: nightly");
      assertThat(dir.resolve("copy/postmaster.pid")).doesNotExist();
      assertThat(dir.resolve("copy/pg_wal/archive_status")).isEmptyDirectory();

      Files.createFile(dir.resolve("copy/recovery.signal"));
      try (Postgres restored =
          Postgres.start(
              PostgresOptions.builder()
                  .dataDir(dir.resolve("copy"))
                  .setting("restore_command", ServerSettings.restoreCommand(archive))
                  .setting("recovery_target", "immediate")
                  .setting("recovery_target_action", "promote")
                  .build())) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !restored.isInRecovery());

        // recovery_target=immediate stops where the copy became consistent, at pg_backup_stop:
        // every row committed before the backup started, and no gap after them
        assertThat(
                queryString(
                    restored.dataSource("postgres"),
                    "select count(*) || ' ' || coalesce(max(id), 0) from entry"))
            .matches(
                rows -> {
                  String[] countAndMax = rows.split(" ");
                  int count = Integer.parseInt(countAndMax[0]);
                  return count >= committedBeforeStart
                      && count <= committedAfterStop
                      && countAndMax[1].equals(countAndMax[0]);
                },
                "all rows committed before the backup started, none missing after them");
      }
    }
  }

  @Test
  void namesWalFilesAsPostgresDoes() throws SQLException {
    long segment = 16L * 1024 * 1024;

    assertThat(WalFiles.name(1, "0/2000028", segment)).isEqualTo("000000010000000000000002");
    assertThat(WalFiles.name(1, "0/3000000", segment)).isEqualTo("000000010000000000000002");
    assertThat(WalFiles.name(2, "1/0000001", segment)).isEqualTo("000000020000000100000000");
    assertThat(WalFiles.name(0x1A, "16/B374D848", segment)).isEqualTo("0000001A00000016000000B3");
  }

  private static void insert(Postgres primary, AtomicBoolean writing, AtomicInteger committed) {
    try (Connection connection = primary.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      for (int id = 1; writing.get(); id++) {
        statement.execute("insert into entry values (" + id + ")");
        committed.set(id);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
