package com.paystream.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.kafka.KafkaBrokerMain;
import com.paystream.testkit.postgres.PostgresMain;
import com.paystream.testkit.support.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main classes the local stack runs as separate processes. */
class InfrastructureProcessesTest {

  private static final Duration READY_TIMEOUT = ChildJvm.READY_TIMEOUT;

  @TempDir Path dir;

  @Test
  void brokerProcessAnnouncesReadinessAndStopsCleanlyOnSigterm() throws Exception {
    int port = Ports.freePort();
    Path log = dir.resolve("kafka.log");

    Process broker =
        ChildJvm.start(
            KafkaBrokerMain.class,
            log,
            "--data-dir",
            dir.resolve("kafka").toString(),
            "--port",
            Integer.toString(port));
    ChildJvm.awaitLine(broker, log, "KAFKA READY bootstrap=127.0.0.1:" + port);
    broker.destroy();

    assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).contains("Kafka broker at 127.0.0.1:" + port + " stopped");
  }

  @Test
  void postgresProcessTakesOverFromAServerLeftByAKilledProcess() throws Exception {
    int port = Ports.freePort();
    Path dataDir = dir.resolve("postgres");
    Path firstLog = dir.resolve("postgres-1.log");
    Process first =
        ChildJvm.start(
            PostgresMain.class,
            firstLog,
            "--data-dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port));
    ChildJvm.awaitLine(first, firstLog, "POSTGRES READY port=" + port);
    first.destroyForcibly().waitFor();

    Path secondLog = dir.resolve("postgres-2.log");
    Process second =
        ChildJvm.start(
            PostgresMain.class,
            secondLog,
            "--data-dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port),
            "--database",
            "ledger");
    ChildJvm.awaitLine(second, secondLog, "POSTGRES READY port=" + port);
    assertThat(selectOne(port, "ledger")).isEqualTo(1);
    assertThat(Files.readString(secondLog)).contains("left running from an earlier run");
    second.destroy();

    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void postgresProcessExitsWithStatusThreeWhenItsPostmasterIsKilledAndTheRestartRecovers()
      throws Exception {
    int port = Ports.freePort();
    Path dataDir = dir.resolve("postgres");
    Path firstLog = dir.resolve("postgres-1.log");
    Process first =
        ChildJvm.start(
            PostgresMain.class,
            firstLog,
            "--data-dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port));
    ChildJvm.awaitLine(first, firstLog, "POSTGRES READY port=" + port);
    execute(port, "postgres", "create table entry (id int)");
    execute(port, "postgres", "insert into entry values (42)");
    long postmaster =
        Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());

    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(PostgresMain.POSTMASTER_DIED);
    assertThat(Files.readString(firstLog)).contains("POSTGRES DIED pid=" + postmaster);

    // A supervisor restarts it with --if-missing refuse: a restart never creates a new cluster.
    Path secondLog = dir.resolve("postgres-2.log");
    Process second =
        ChildJvm.start(
            PostgresMain.class,
            secondLog,
            "--data-dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port),
            "--if-missing",
            "refuse");
    ChildJvm.awaitLine(second, secondLog, "POSTGRES READY port=" + port);
    assertThat(selectInt(port, "postgres", "select id from entry")).isEqualTo(42);
    second.destroy();
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void postgresProcessRestartedOnLostDataRefusesToStartAnEmptyClusterInItsPlace() throws Exception {
    Path log = dir.resolve("postgres-lost.log");
    Process restarted =
        ChildJvm.start(
            PostgresMain.class,
            log,
            "--data-dir",
            dir.resolve("lost").toString(),
            "--port",
            Integer.toString(Ports.freePort()),
            "--if-missing",
            "refuse");

    assertThat(restarted.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(restarted.exitValue()).isEqualTo(PostgresMain.CLUSTER_MISSING);
    assertThat(Files.readString(log)).contains("POSTGRES REFUSED: no cluster in");
    assertThat(dir.resolve("lost").resolve("PG_VERSION")).doesNotExist();
  }

  @Test
  void postgresProcessesRunASynchronousStandbyOfAnArchivingPrimary() throws Exception {
    int primaryPort = Ports.freePort();
    int standbyPort = Ports.freePort();
    Path primaryData = dir.resolve("primary");
    Path primaryLog = dir.resolve("primary.log");
    Process primary =
        ChildJvm.start(
            PostgresMain.class,
            primaryLog,
            "--data-dir",
            primaryData.toString(),
            "--port",
            Integer.toString(primaryPort),
            "--archive",
            dir.resolve("archive").toString(),
            "--synchronous-standby",
            "replica",
            "--database",
            "ledger");
    ChildJvm.awaitLine(primary, primaryLog, "POSTGRES READY port=" + primaryPort);
    Path standbyLog = dir.resolve("standby.log");
    Process standby =
        ChildJvm.start(
            PostgresMain.class,
            standbyLog,
            "--data-dir",
            dir.resolve("standby").toString(),
            "--port",
            Integer.toString(standbyPort),
            "--standby-of",
            "127.0.0.1:" + primaryPort,
            "--name",
            "replica",
            "--primary-data-dir",
            primaryData.toString(),
            "--database",
            "ledger");
    ChildJvm.awaitLine(standby, standbyLog, "POSTGRES READY port=" + standbyPort);

    execute(primaryPort, "ledger", "create table entry (id int)");
    execute(primaryPort, "ledger", "insert into entry values (7)");

    Awaitility.await()
        .atMost(READY_TIMEOUT)
        .ignoreExceptions()
        .until(() -> selectInt(standbyPort, "ledger", "select id from entry") == 7);
    standby.destroy();
    primary.destroy();
    assertThat(standby.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(primary.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(standbyLog)).doesNotContain("POSTGRES DIED");
  }

  @Test
  void postgresProcessRecoversADelayedStandbyToAnInstant() throws Exception {
    int primaryPort = Ports.freePort();
    int standbyPort = Ports.freePort();
    Path primaryData = dir.resolve("primary");
    Path standbyData = dir.resolve("delayed");
    Path primaryLog = dir.resolve("primary.log");
    Process primary =
        ChildJvm.start(
            PostgresMain.class,
            primaryLog,
            "--data-dir",
            primaryData.toString(),
            "--port",
            Integer.toString(primaryPort),
            "--database",
            "ledger");
    ChildJvm.awaitLine(primary, primaryLog, "POSTGRES READY port=" + primaryPort);
    execute(primaryPort, "ledger", "create table entry (id int)");
    List<String> standbyArgs =
        List.of(
            "--data-dir",
            standbyData.toString(),
            "--port",
            Integer.toString(standbyPort),
            "--standby-of",
            "127.0.0.1:" + primaryPort,
            "--name",
            "delayed",
            "--primary-data-dir",
            primaryData.toString(),
            "--apply-delay",
            "3600");
    Path standbyLog = dir.resolve("delayed.log");
    Process standby =
        ChildJvm.start(PostgresMain.class, standbyLog, standbyArgs.toArray(String[]::new));
    ChildJvm.awaitLine(standby, standbyLog, "POSTGRES READY port=" + standbyPort);
    execute(primaryPort, "ledger", "insert into entry values (1)");
    Instant beforeMistake = Instant.now();
    Awaitility.await()
        .atMost(READY_TIMEOUT)
        .until(
            () ->
                selectInt(
                        primaryPort,
                        "ledger",
                        "select (clock_timestamp() > '" + beforeMistake + "')::int")
                    == 1);
    execute(primaryPort, "ledger", "drop table entry");
    String dropLsn = selectText(primaryPort, "select pg_current_wal_lsn()::text");
    Awaitility.await()
        .atMost(READY_TIMEOUT)
        .until(
            () ->
                selectInt(
                        standbyPort,
                        "postgres",
                        "select (pg_last_wal_receive_lsn() >= '" + dropLsn + "')::int")
                    == 1);
    standby.destroy();
    assertThat(standby.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Path recoveredLog = dir.resolve("recovered.log");
    Process recovered =
        ChildJvm.start(
            PostgresMain.class,
            recoveredLog,
            "--data-dir",
            standbyData.toString(),
            "--port",
            Integer.toString(standbyPort),
            "--recover-to",
            beforeMistake.toString());
    ChildJvm.awaitLine(recovered, recoveredLog, "POSTGRES READY port=" + standbyPort);

    assertThat(selectInt(standbyPort, "ledger", "select count(*)::int from entry where id = 1"))
        .isEqualTo(1);
    recovered.destroy();
    primary.destroy();
    assertThat(recovered.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(primary.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  private static String selectText(int port, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
        var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  private static void execute(int port, String database, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "postgres");
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int selectInt(int port, String database, String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "postgres");
        var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getInt(1);
    }
  }

  private static int selectOne(int port, String database) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "postgres");
        var statement = connection.createStatement();
        var result = statement.executeQuery("select 1")) {
      result.next();
      return result.getInt(1);
    }
  }
}
