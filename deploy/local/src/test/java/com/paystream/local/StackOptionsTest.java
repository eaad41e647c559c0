package com.paystream.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackOptionsTest {

  @TempDir Path dir;

  @Test
  void defaultsToTheRepositoryDataDirectoryAndKeepsData() {
    StackOptions options = StackOptions.parse(dir.resolve("data"));

    assertThat(options)
        .isEqualTo(
            new StackOptions(
                dir.resolve("data"), false, StackOptions.DEFAULT_READY_TIMEOUT, false));
  }

  @Test
  void readsFreshAndDataDir() {
    StackOptions options =
        StackOptions.parse(dir, "--fresh", "--data-dir", "/tmp/x/../y", "--ready-timeout", "300");

    assertThat(options)
        .isEqualTo(new StackOptions(Path.of("/tmp/y"), true, Duration.ofSeconds(300), false));
  }

  @Test
  void rejectsUnknownOptions() {
    assertThatThrownBy(() -> StackOptions.parse(dir, "--no-build"))
        .hasMessageContaining("unknown option --no-build");
    assertThatThrownBy(() -> StackOptions.parse(dir, "--ready-timeout", "soon"))
        .hasMessageContaining("number of seconds");
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
