package com.paystream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.local.scenario.ScenarioSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackOptionsTest {

  @TempDir Path dir;

  @Test
  void defaultsToTheDayScenarioOnAFreshStackThatStaysUp() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42);

    assertThat(options)
        .isEqualTo(
            new StackOptions(
                dir.resolve("data"),
                true,
                StackOptions.DEFAULT_READY_TIMEOUT,
                false,
                Optional.of(ScenarioSettings.defaults(42)),
                false,
                StackOptions.Command.RUN,
                StackOptions.DatabaseOptions.defaults(dir.resolve("backups")),
                Optional.empty(),
                StackOptions.ClusterOptions.OFF,
                StackOptions.Observation.OFF));
  }

  @Test
  void withoutTheScenarioKeepsData() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42, "--no-scenario");

    assertThat(options.fresh()).isFalse();
    assertThat(options.scenario()).isEmpty();
  }

  @Test
  void readsFreshAndDataDir() {
    StackOptions options =
        StackOptions.parse(
            dir,
            () -> 42,
            "--no-scenario",
            "--fresh",
            "--data-dir",
            "/tmp/x/../y",
            "--ready-timeout",
            "300");

    assertThat(options)
        .isEqualTo(
            new StackOptions(
                Path.of("/tmp/y"),
                true,
                Duration.ofSeconds(300),
                false,
                Optional.empty(),
                false,
                StackOptions.Command.RUN,
                StackOptions.DatabaseOptions.defaults(dir.resolveSibling("backups")),
                Optional.empty(),
                StackOptions.ClusterOptions.OFF,
                StackOptions.Observation.OFF));
  }

  @Test
  void readsTheDay() {
    StackOptions options =
        StackOptions.parse(
            dir,
            () -> 42,
            "--payments",
            "200",
            "--seed",
            "-7",
            "--drop",
            "0.1",
            "--duplicate",
            "0",
            "--delay",
            "0.25",
            "--exit");

    assertThat(options.scenario())
        .contains(
            new ScenarioSettings(200, -7, 0.1, 0, 0.25, ScenarioSettings.DEFAULT_CONCURRENCY));
    assertThat(options.exitAfterScenario()).isTrue();
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertThatThrownBy(() -> StackOptions.parse(dir, "--no-build"))
        .hasMessageContaining("unknown option --no-build");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--ready-timeout", "soon"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--payments", "0"))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--drop", "1.5"))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--drop"))
        .hasMessageContaining("--drop needs a value");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--no-scenario", "--exit"))
        .hasMessageContaining("--exit goes with the scenario");
  }

  @Test
  void verifyingTheJournalRunsNoScenarioAndDeletesNothing() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42, "--verify-journal");

    assertThat(options.verifyJournal()).isTrue();
    assertThat(options.scenario()).isEmpty();
    assertThat(options.fresh()).isFalse();
    assertThat(StackOptions.parse(dir, () -> 42).verifyJournal()).isFalse();
  }

  @Test
  void verifyingTheJournalTakesNoOtherOption() {
    List<List<String>> others =
        List.of(
            List.of("--fresh"),
            List.of("--no-scenario"),
            List.of("--exit"),
            List.of("--payments", "10"),
            List.of("--data-dir", "/tmp/elsewhere"));
    for (List<String> other : others) {
      List<String> args = new java.util.ArrayList<>(List.of("--verify-journal"));
      args.addAll(other);
      assertThatThrownBy(() -> StackOptions.parse(dir, args.toArray(String[]::new)))
          .as(other.toString())
          .hasMessageContaining("--verify-journal checks the stack already running");
    }
    assertThat(StackOptions.parse(dir, "--verify-journal", "--help").help()).isTrue();
    assertThat(StackOptions.USAGE).contains("--verify-journal");
  }

  @Test
  void runsWithStandbysAndBackupsUnlessToldNot() {
    StackOptions.DatabaseOptions defaults =
        StackOptions.parse(dir.resolve("data"), () -> 42).databases();
    assertThat(defaults.replicas()).isTrue();
    assertThat(defaults.standbyDelay()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.backupDir()).isEqualTo(dir.resolve("backups"));

    StackOptions.DatabaseOptions chosen =
        StackOptions.parse(
                dir.resolve("data"),
                () -> 42,
                "--no-replicas",
                "--standby-delay",
                "600",
                "--backup-dir",
                "/tmp/b/../backups",
                "--hourly-days",
                "3",
                "--daily-days",
                "60")
            .databases();
    assertThat(chosen)
        .isEqualTo(
            new StackOptions.DatabaseOptions(
                false, Duration.ofMinutes(10), Path.of("/tmp/backups"), 3, 60));
  }

  @Test
  void restoresToAnInstantKeepingTheDataAndRunningNoDay() {
    StackOptions options =
        StackOptions.parse(
            dir.resolve("data"), () -> 42, "restore", "--to", "2026-12-06T10:15:00+01:00");

    assertThat(options.command()).isEqualTo(StackOptions.Command.RESTORE);
    assertThat(options.restore())
        .contains(
            new StackOptions.Restore(
                Optional.of(java.time.Instant.parse("2026-12-06T09:15:00Z")),
                StackOptions.Restore.Source.BACKUP));
    assertThat(
            StackOptions.parse(
                    dir, "restore", "--to", "2026-12-06T10:15:00Z", "--from-delayed-standby")
                .restore())
        .map(StackOptions.Restore::source)
        .contains(StackOptions.Restore.Source.DELAYED_STANDBY);
    assertThat(StackOptions.parse(dir, "restore", "--from-standby").restore())
        .contains(new StackOptions.Restore(Optional.empty(), StackOptions.Restore.Source.STANDBY));
    assertThatThrownBy(
            () ->
                StackOptions.parse(
                    dir, "restore", "--from-standby", "--to", "2026-12-06T10:15:00Z"))
        .hasMessageContaining("without --to");
    assertThat(options.scenario()).isEmpty();
    assertThat(options.fresh()).isFalse();
    assertThatThrownBy(() -> StackOptions.parse(dir, "restore"))
        .hasMessageContaining("restore needs --to");
    assertThatThrownBy(() -> StackOptions.parse(dir, "restore", "--to", "yesterday"))
        .hasMessageContaining("needs an instant");
    assertThatThrownBy(() -> StackOptions.parse(dir, "restore", "--to", "2026-12-06T10:15:00"))
        .hasMessageContaining("needs an instant");
    assertThatThrownBy(
            () -> StackOptions.parse(dir, "restore", "--to", "2026-12-06T10:15:00Z", "--fresh"))
        .hasMessageContaining("not with --fresh");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--to", "2026-12-06T10:15:00Z"))
        .hasMessageContaining("go with restore");
  }

  @Test
  void listingBackupsStartsNothing() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42, "backups");

    assertThat(options.command()).isEqualTo(StackOptions.Command.BACKUPS);
    assertThat(options.scenario()).isEmpty();
    assertThat(options.fresh()).isFalse();
  }

  @Test
  void freshKeepsNothingButTheMarker() throws Exception {
    Path data = dir.resolve("data");
    try (DataDirectory first = DataDirectory.open(data, false)) {
      Files.createDirectories(first.kafka());
      Files.writeString(first.log("ledger"), "old");
    }

    try (DataDirectory second = DataDirectory.open(data, true)) {
      assertThat(second.kafka()).doesNotExist();
      assertThat(second.log("ledger")).doesNotExist();
      assertThat(data.resolve("logs")).isDirectory();
    }
  }

  @Test
  void refusesADirectoryThatIsNotItsOwn() throws Exception {
    Files.writeString(dir.resolve("precious.txt"), "keep me");

    assertThatThrownBy(() -> DataDirectory.open(dir, true))
        .hasMessageContaining("not a local-stack data directory");
    assertThat(dir.resolve("precious.txt")).exists();
  }

  @Test
  void clusterWithChaosTradesForMinutesAndWaitsLongerForItsEightServices() {
    StackOptions options =
        StackOptions.parse(dir.resolve("data"), () -> 42, "--cluster", "--chaos", "--exit");

    assertThat(options.cluster()).isEqualTo(new StackOptions.ClusterOptions(true, true));
    assertThat(options.readyTimeout()).isEqualTo(StackOptions.DEFAULT_CLUSTER_READY_TIMEOUT);
    assertThat(options.scenario())
        .hasValueSatisfying(
            day ->
                assertThat(day.tradingTime())
                    .isEqualTo(StackOptions.ClusterOptions.CHAOS_TRADING_TIME));
  }

  @Test
  void chaosNeedsTheClusterAndTheDay() {
    assertThatThrownBy(() -> StackOptions.parse(dir, () -> 42, "--chaos"))
        .hasMessageContaining("--chaos needs --cluster");
    assertThatThrownBy(
            () -> StackOptions.parse(dir, () -> 42, "--cluster", "--chaos", "--no-scenario"))
        .hasMessageContaining("during the day");
  }

  @Test
  void liveCheckStartsPrometheusRunsAShortDayAndExits() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42, "--live-check");

    assertThat(options.observation()).isEqualTo(new StackOptions.Observation(true, true));
    assertThat(options.exitAfterScenario()).isTrue();
    assertThat(options.scenario().orElseThrow().payments())
        .isEqualTo(StackOptions.Observation.LIVE_CHECK_PAYMENTS);
    assertThat(options.scenario().orElseThrow().dropRate())
        .isEqualTo(StackOptions.Observation.LIVE_CHECK_DROP_RATE);
  }

  @Test
  void liveCheckKeepsTheDayGiven() {
    StackOptions options =
        StackOptions.parse(
            dir.resolve("data"), () -> 42, "--live-check", "--payments", "30", "--drop", "0.5");

    assertThat(options.scenario().orElseThrow().payments()).isEqualTo(30);
    assertThat(options.scenario().orElseThrow().dropRate()).isEqualTo(0.5);
  }

  @Test
  void prometheusAloneStaysUpAfterTheDay() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42, "--prometheus");

    assertThat(options.observation()).isEqualTo(new StackOptions.Observation(true, false));
    assertThat(options.exitAfterScenario()).isFalse();
  }

  @Test
  void refusesALiveCheckWithoutADayOrOnACluster() {
    assertThatThrownBy(
            () ->
                StackOptions.parse(dir.resolve("data"), () -> 42, "--live-check", "--no-scenario"))
        .hasMessageContaining("--no-scenario");
    assertThatThrownBy(
            () -> StackOptions.parse(dir.resolve("data"), () -> 42, "--prometheus", "--cluster"))
        .hasMessageContaining("not with --cluster");
  }
}
