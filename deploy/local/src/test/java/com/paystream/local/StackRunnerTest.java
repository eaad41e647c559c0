package com.paystream.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.services.ServiceSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackRunnerTest {

  @TempDir Path dir;

  @Test
  void reconciliationKeepsItsStreamsStateInTheDataDirectoryBesideTheBroker() {
    StackOptions options = StackOptions.parse(dir.resolve("data"), () -> 42);

    ServiceSpec reconciliation =
        new StackRunner(new RepositoryLayout(dir, "0.1.0-SNAPSHOT"), options)
            .serviceSpecs().stream()
                .filter(spec -> spec.name().equals("reconciliation"))
                .findFirst()
                .orElseThrow();

    // A fresh data directory then starts the state from empty with the broker, not a new broker
    // under an earlier run's state in the system's temporary directory.
    assertThat(reconciliation.args())
        .contains(
            "--paystream.recon.state-dir="
                + options.dataDir().resolve("reconciliation-state").toAbsolutePath());
  }
}
