package com.paystream.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.process.ChildSpec;
import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandsTest {

  @TempDir Path dir;
  private static final Endpoints REPLICATED =
      new Endpoints("127.0.0.1", 19092, 15432, List.of(15433, 15434));
  private DataDirectory data;
  private ChildCommands commands;
  private final List<ServiceSpec> services =
      ServiceCatalog.services(Endpoints.DEFAULTS, DatabaseLogins.generate(), name -> List.of());

  @BeforeEach
  void openData() {
    data = DataDirectory.open(dir.resolve("data"), false);
    commands =
        new ChildCommands(
            new RepositoryLayout(Path.of("/repo"), "0.1.0-SNAPSHOT"),
            data,
            REPLICATED,
            dir.resolve("backups/cluster-1/wal"));
  }

  @AfterEach
  void closeData() {
    data.close();
  }

  @Test
  void runsTheBrokerFromTheLaunchersClasspathOnItsFixedPort() {
    ChildSpec kafka = commands.kafka();

    assertThat(kafka.command())
        .contains("-cp", "com.paystream.testkit.kafka.KafkaBrokerMain")
        .endsWith("--data-dir", data.kafka().toString(), "--port", "19092");
    assertThat(kafka.logFile()).isEqualTo(dir.resolve("data/logs/kafka.log"));
  }

  @Test
  void createsEveryServiceDatabaseWhenStartingPostgres() {
    assertThat(commands.postgres().command())
        .contains("com.paystream.testkit.postgres.PostgresMain")
        .endsWith(
            "--data-dir",
            data.postgres().toString(),
            "--port",
            "15432",
            "--database",
            "gateway",
            "--database",
            "ledger",
            "--database",
            "reconciliation",
            "--archive",
            dir.resolve("backups/cluster-1/wal").toString());
    assertThat(commands.postgres().restartCommand()).endsWith("--if-missing", "refuse");
  }

  @Test
  void aStandbyCopiesThePrimaryOnceAndFollowsItOptionallyLate() {
    ChildSpec delayed = commands.standby("delayed", 15434, java.time.Duration.ofHours(1));

    assertThat(delayed.name()).isEqualTo("postgres-delayed");
    assertThat(delayed.logFile()).isEqualTo(dir.resolve("data/logs/postgres-delayed.log"));
    assertThat(delayed.command())
        .contains("com.paystream.testkit.postgres.PostgresMain")
        .endsWith(
            "--data-dir",
            data.postgres("delayed").toString(),
            "--port",
            "15434",
            "--standby-of",
            "127.0.0.1:15432",
            "--primary-data-dir",
            data.postgres().toString(),
            "--name",
            "delayed",
            "--archive",
            dir.resolve("backups/cluster-1/wal").toString(),
            "--apply-delay",
            "3600");
    assertThat(commands.standby("standby", 15433, java.time.Duration.ZERO).command())
        .doesNotContain("--apply-delay");
  }

  @Test
  void aClusterKeepsItsIdUntilItsDataIsGone() throws Exception {
    java.nio.file.Files.createDirectories(data.postgres());
    String id = data.clusterId();

    assertThat(id).startsWith("cluster-");
    assertThat(data.clusterId()).isEqualTo(id);
    data.clusterId("cluster-restored");
    assertThat(data.clusterId()).isEqualTo("cluster-restored");
  }

  @Test
  void runsAServiceFromItsExecJarWithItsArguments() {
    ServiceSpec ledger = services.get(2);

    List<String> command = commands.service(ledger, child -> true).command();

    assertThat(command)
        .containsSequence("-jar", "/repo/ledger-svc/target/ledger-svc-0.1.0-SNAPSHOT-exec.jar")
        .endsWith(ledger.args().toArray(String[]::new));
  }

  @Test
  void theReadyReportNamesEveryUrlAndLog() {
    String report = ReadyReport.render(data, Endpoints.DEFAULTS, services, "http://127.0.0.1:8090");

    for (ServiceSpec service : services) {
      assertThat(report)
          .contains(
              service.healthUrl(), service.prometheusUrl(), data.log(service.name()).toString());
    }
    assertThat(report)
        .contains("127.0.0.1:19092", "http://127.0.0.1:8080/v1/webhooks/simulator")
        .contains("http://127.0.0.1:8082/v1/payments/$PAYMENT_ID/entries")
        .contains("http://127.0.0.1:8090", "http://127.0.0.1:8080/v1/payments");
  }
}
