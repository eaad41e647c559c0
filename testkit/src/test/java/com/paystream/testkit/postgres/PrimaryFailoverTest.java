package com.paystream.testkit.postgres;

import static com.paystream.testkit.postgres.Sql.execute;
import static com.paystream.testkit.postgres.Sql.queryStrings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PrimaryFailoverTest {

  private static final int WRITERS = 4;

  @TempDir Path dir;

  @Test
  void promotedSynchronousStandbyHasEveryCommitThePrimaryAcknowledgedBeforeItWasKilled() {
    Postgres primary =
        Postgres.start(
            PostgresOptions.builder()
                .dataDir(dir.resolve("primary"))
                .synchronousStandby("replica")
                .build());
    try (Postgres standby =
        Standby.start(primary, StandbyOptions.of(dir.resolve("replica"), "replica"))) {
      execute(primary, "create table entry (writer int, id int, primary key (writer, id))");
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      List<CompletableFuture<Void>> writers =
          IntStream.range(0, WRITERS)
              .mapToObj(
                  writer ->
                      CompletableFuture.runAsync(
                          () -> insertUntilRefused(primary, writer, acknowledged)))
              .toList();
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 500);

      primary.killPostmaster();
      writers.forEach(CompletableFuture::join);
      assertThat(standby.promote()).isTrue();

      Set<String> onStandby =
          Set.copyOf(queryStrings(standby, "select writer || ':' || id from entry"));
      assertThat(onStandby).containsAll(acknowledged);
      assertThat(onStandby.size() - acknowledged.size())
          .as("at most one commit per writer was in flight, unanswered")
          .isBetween(0, WRITERS);
    } finally {
      primary.close();
    }
  }

  /** Inserts one row per transaction, noting each whose commit the primary answered. */
  private static void insertUntilRefused(Postgres primary, int writer, Set<String> acknowledged) {
    try (Connection connection = primary.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      for (int id = 1; ; id++) {
        statement.execute("insert into entry values (" + writer + ", " + id + ")");
        acknowledged.add(writer + ":" + id);
      }
    } catch (SQLException primaryGone) {
      // the primary was killed: this writer's last commit, if any, was never answered
    }
  }
}
