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
                false));
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
                false));
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
}
