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
  private static final Duration ORPHANS_POLL = Duration.ofMillis(200);

  private StalePostmaster() {}

  static void stopIfRunning(Path dataDir) {
    readPid(dataDir)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(StalePostmaster::isPostgres)
        .ifPresent(StalePostmaster::fastShutdown);
  }

  /**
   * Waits until no PostgreSQL process works in {@code dataDir} any more. After a postmaster is
   * killed with -9 its backends notice within moments and exit, but until the last one has, the
   * shared memory it left is still attached and a new postmaster refuses to start ("pre-existing
   * shared memory block is still in use"). Every PostgreSQL process has the data directory as its
   * working directory, which is how they are recognised.
   */
  static void awaitOrphanedBackends(Path dataDir, Duration timeout) {
    Path dir = realPath(dataDir);
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Long> left = workingIn(dir);
    if (!left.isEmpty()) {
      log.warn("Waiting for the PostgreSQL processes {} left in {} to exit", left, dir);
    }
    for (; !left.isEmpty(); left = workingIn(dir)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "PostgreSQL processes " + left + " still use " + dataDir + " after " + timeout);
      }
      try {
        Thread.sleep(ORPHANS_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for orphaned backends", e);
      }
    }
  }

  private static List<Long> workingIn(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(StalePostmaster::isPostgres)
        .filter(process -> dir.equals(workingDirectory(process.pid())))
        .map(ProcessHandle::pid)
        .toList();
  }

  private static Path workingDirectory(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath();
    }
  }

  /** The postmaster's process id, from the first line of {@code postmaster.pid}. */
  static Optional<Long> readPid(Path dataDir) {
    try {
      List<String> lines =
          Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
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
