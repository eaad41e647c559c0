package com.paystream.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresArgsTest {

  @Test
  void readsAnArchivingPrimaryWithSynchronousStandbysInOrder() {
    PostgresArgs args =
        PostgresArgs.parse(
            "--data-dir",
            "/d",
            "--port",
            "15432",
            "--archive",
            "/a",
            "--archive-timeout",
            "30",
            "--synchronous-standby",
            "replica_1",
            "--synchronous-standby",
            "replica_2",
            "--database",
            "ledger");

    PostgresOptions options = args.primaryOptions();
    assertThat(options.dataDir()).isEqualTo(Path.of("/d"));
    assertThat(options.port()).isEqualTo(15432);
    assertThat(options.walArchive()).isEqualTo(Path.of("/a"));
    assertThat(options.archiveTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.synchronousStandbys()).containsExactly("replica_1", "replica_2");
    assertThat(args.process().databases()).containsExactly("ledger");
    assertThat(args.isStandby()).isFalse();
  }

  @Test
  void readsADelayedStandby() {
    PostgresArgs args =
        PostgresArgs.parse(
            "--data-dir",
            "/s",
            "--standby-of",
            "127.0.0.1:15432",
            "--name",
            "delayed",
            "--primary-data-dir",
            "/d",
            "--apply-delay",
            "3600");

    assertThat(args.standbyOfHost()).isEqualTo("127.0.0.1");
    assertThat(args.standbyOfPort()).isEqualTo(15432);
    assertThat(args.standbyOptions())
        .isEqualTo(new StandbyOptions(Path.of("/s"), 0, "delayed", Duration.ofHours(1), null));
  }

  @Test
  void readsTheInstantToRecoverTo() {
    assertThat(
            PostgresArgs.parse("--data-dir", "/s", "--recover-to", "2026-12-06T09:15:00Z")
                .recoverTo())
        .isEqualTo(Instant.parse("2026-12-06T09:15:00Z"));
    assertThat(
            PostgresArgs.parse("--data-dir", "/s", "--recover-to", "2026-12-06T10:15:00+01:00")
                .recoverTo())
        .isEqualTo(Instant.parse("2026-12-06T09:15:00Z"));
  }

  @Test
  void refusesAStandbyWithoutWhatItNeeds() {
    assertThatThrownBy(() -> PostgresArgs.parse("--data-dir", "/s", "--standby-of", "127.0.0.1:1"))
        .hasMessageContaining("--standby-of needs");
    assertThatThrownBy(() -> PostgresArgs.parse("--apply-delay", "5"))
        .hasMessageContaining("are for a standby");
    assertThatThrownBy(() -> PostgresArgs.parse("--recover-to", "2026-12-06T09:15:00Z"))
        .hasMessageContaining("--recover-to needs");
    assertThatThrownBy(() -> PostgresArgs.parse("--archive-timeout", "soon"))
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> PostgresArgs.parse("--verbose", "yes"))
        .hasMessageContaining("unknown argument --verbose");
    assertThat(PostgresArgs.parse().process().databases()).isEqualTo(List.of());
  }

  @Test
  void aRestartMayRefuseToCreateAClusterWhereTheDataWasLost() {
    assertThat(PostgresArgs.parse("--data-dir", "/d").refuseMissingCluster()).isFalse();
    assertThat(
            PostgresArgs.parse("--data-dir", "/d", "--if-missing", "init").refuseMissingCluster())
        .isFalse();
    assertThat(
            PostgresArgs.parse("--data-dir", "/d", "--if-missing", "refuse").refuseMissingCluster())
        .isTrue();
    assertThatThrownBy(() -> PostgresArgs.parse("--if-missing", "maybe"))
        .hasMessageContaining("init or refuse");
  }
}
