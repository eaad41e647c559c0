package com.paystream.testkit.postgres.backup;

import static com.paystream.testkit.postgres.backup.ArchivedPrimary.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a real primary: take, list, prepare a restore, prune. */
class BackupMainTest {

  @TempDir Path dir;

  @Test
  void takesListsRestoresAndPrunesFromTheCommandLine() throws InterruptedException {
    try (ArchivedPrimary primary = new ArchivedPrimary(dir.resolve("archive"))) {
      String archive = primary.archive.root().toString();
      primary.insert(1, 10);

      String took =
          run(
              "take",
              "--archive",
              archive,
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(primary.server.port()),
              "--data-dir",
              primary.server.dataDir().toString(),
              "--kind",
              "DAILY");
      Instant target = primary.now();
      execute(primary.server, "truncate entry");
      primary.markAndArchive();
      String id = took.trim().substring("TOOK ".length());

      assertThat(run("list", "--archive", archive))
          .startsWith("ID ")
          .containsPattern(id + " +DAILY")
          .doesNotContain("no commit mark");
      assertThat(
              run(
                  "restore",
                  "--archive",
                  archive,
                  "--to",
                  target.toString(),
                  "--data-dir",
                  dir.resolve("restored").toString()))
          .startsWith("PREPARED ");
      assertThat(dir.resolve("restored/recovery.signal")).exists();
      // the only backup is the newest: kept, and the WAL before its start goes
      assertThat(run("prune", "--archive", archive))
          .doesNotContain("REMOVED backup")
          .contains("WAL files");
      assertThat(primary.archive.read().complete()).hasSize(1);
    }
  }

  @Test
  void refusesARestoreWithoutABackupBeforeTheTarget() {
    BackupArchive.at(dir.resolve("empty"));

    assertThatThrownBy(
            () ->
                run(
                    "restore",
                    "--archive",
                    dir.resolve("empty").toString(),
                    "--to",
                    "2026-12-06T02:00:00Z",
                    "--data-dir",
                    dir.resolve("new").toString()))
        .isInstanceOf(RestoreRefusedException.class);
  }

  @Test
  void refusesToListADirectoryThatIsNoArchive() {
    assertThatThrownBy(() -> run("list", "--archive", dir.resolve("typo").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no backup archive");
    assertThat(dir.resolve("typo")).doesNotExist();
  }

  @Test
  void refusesATargetThatIsNotAnInstant() {
    assertThatThrownBy(
            () ->
                run(
                    "restore",
                    "--archive",
                    dir.toString(),
                    "--to",
                    "yesterday",
                    "--data-dir",
                    dir.resolve("new").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an instant");
  }

  private static String run(String... args) throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BackupMain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
