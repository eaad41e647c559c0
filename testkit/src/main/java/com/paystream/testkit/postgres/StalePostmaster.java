package com.paystream.testkit.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running by a JVM that was killed with -9. {@code pg_ctl start} detaches the
 * server from the JVM, so it survives its owner and would keep the data directory and the port; the
 * next start stops it first (fast shutdown, the same as {@code pg_ctl stop -m fast}).
 */
final class StalePostmaster {

  private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private StalePostmaster() {}

  static void stopIfRunning(Path dataDir) {
    readPid(dataDir.resolve("postmaster.pid"))
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(StalePostmaster::isPostgres)
        .ifPresent(StalePostmaster::fastShutdown);
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
  }

  private static void fastShutdown(ProcessHandle postmaster) {
    log.warn("Stopping PostgreSQL left running from an earlier run (pid {})", postmaster.pid());
    try {
      // SIGINT is PostgreSQL's "fast" shutdown; ProcessHandle can only send SIGTERM ("smart"),
      // which would wait for the connections of services that may still be running.
      new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
          .inheritIO()
          .start()
          .waitFor();
      postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping a stale postmaster", e);
    } catch (IOException | java.util.concurrent.ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot stop the stale postmaster " + postmaster.pid(), e);
    }
  }
}
