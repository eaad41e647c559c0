package com.paystream.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes ({@code sleep}) behind the real lifeline. */
class SupervisedChildTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  @TempDir Path dir;

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void restartsAChildWhoseCommandWasKilled() {
    SupervisedChild child = new SupervisedChild(sleeper(), scheduler);
    child.start();
    ChildProcess first = child.current();
    ProcessHandle command = command(first);

    command.destroyForcibly();

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> child.current() != first && child.isAlive());
    assertThat(first.exitValue()).isEqualTo(137);
    child.stop();
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void aRestartRunsTheRestartCommand() throws Exception {
    // First start: sleep 300; restart: sleep 300 301 (sleep adds its arguments up).
    SupervisedChild child = new SupervisedChild(sleeper().withRestartArgs("301"), scheduler);
    child.start();
    ChildProcess first = child.current();
    assertThat(command(first).info().arguments()).hasValue(new String[] {"300"});

    command(first).destroyForcibly();

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> child.current() != first && child.isAlive());
    assertThat(command(child.current()).info().arguments()).hasValue(new String[] {"300", "301"});
    child.stop();
  }

  @Test
  void stopsTheCommandWhenTheLauncherGoesAway() throws Exception {
    ChildProcess child = ChildProcess.start(sleeper());
    ProcessHandle command = command(child);

    child.closeLifeline();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !command.isAlive());
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
    assertThat(child.exitValue()).isEqualTo(143);
    assertThat(child.descendants()).isEmpty();
  }

  @Test
  void stopDoesNotRestartAndLeavesNothingBehind() throws Exception {
    SupervisedChild child = new SupervisedChild(sleeper(), scheduler);
    child.start();
    ProcessHandle command = command(child.current());

    child.stop();

    assertThat(command.isAlive()).isFalse();
    assertThat(child.current().exitValue()).isEqualTo(143);
    assertThat(Files.readString(dir.resolve("sleeper.log")))
        .contains("starting sleeper: sleep 300");
  }

  @Test
  void aChildThatDiesOnceShutdownBeganStaysDown() throws Exception {
    SupervisedChild child = new SupervisedChild(sleeper(), scheduler);
    child.start();
    ChildProcess first = child.current();
    ProcessHandle command = command(first);

    child.stopRestarting();
    command.destroyForcibly();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !first.isAlive());
    // A restart would be scheduled at once (first backoff 1 s); give it that long to show up.
    Awaitility.await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> child.current() == first && !child.isAlive());
    child.stop();
  }

  private ChildSpec sleeper() {
    return new ChildSpec(
        "sleeper",
        List.of("sleep", "300"),
        dir.resolve("sleeper.log"),
        child -> true,
        Duration.ofSeconds(5));
  }

  private static ProcessHandle command(ChildProcess child) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                child
                    .descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }
}
