package com.paystream.testkit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessArgsTest {

  @Test
  void readsDataDirPortAndDatabasesInAnyOrder() {
    ProcessArgs args =
        ProcessArgs.parse(
            "--port", "15432", "--database", "gateway", "--data-dir", "/d", "--database", "ledger");

    assertThat(args).isEqualTo(new ProcessArgs(Path.of("/d"), 15432, List.of("gateway", "ledger")));
  }

  @Test
  void defaultsToATempDirectoryAndAFreePort() {
    assertThat(ProcessArgs.parse()).isEqualTo(new ProcessArgs(null, 0, List.of()));
  }

  @Test
  void rejectsUnknownOrIncompleteArguments() {
    assertThatThrownBy(() -> ProcessArgs.parse("--verbose", "yes"))
        .hasMessageContaining("unknown argument --verbose");
    assertThatThrownBy(() -> ProcessArgs.parse("--port")).hasMessageContaining("missing value");
    assertThatThrownBy(() -> ProcessArgs.parse("--port", "x")).hasMessageContaining("not a port");
  }
}
