package com.paystream.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A main class of the testkit run as its own JVM, its output in a log file, as the stack runs it.
 */
final class ChildJvm {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private ChildJvm() {}

  static Process start(Class<?> main, Path log, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=com/paystream/testkit/logback-infrastructure.xml",
                main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Waits until {@code log} holds {@code line}; fails at once if the process ends first. */
  static void awaitLine(Process process, Path log, String line) {
    Awaitility.await()
        .atMost(READY_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .failFast("process ended", () -> !process.isAlive())
        .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains(line));
  }
}
