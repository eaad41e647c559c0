package com.paystream.local.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running instance of a {@link ChildSpec}, behind its {@link Lifeline}. */
public final class ChildProcess {

  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final ChildSpec spec;
  private final Process process;
  private final long logOffset;
  private final Instant startedAt;

  private ChildProcess(ChildSpec spec, Process process, long logOffset, Instant startedAt) {
    this.spec = spec;
    this.process = process;
    this.logOffset = logOffset;
    this.startedAt = startedAt;
  }

  static ChildProcess start(ChildSpec spec) {
    try {
      Files.createDirectories(spec.logFile().getParent());
      String banner =
          "%n===== %s starting %s: %s%n"
              .formatted(Instant.now(), spec.name(), Redaction.commandLine(spec.command()));
      Files.writeString(
          spec.logFile(),
          banner,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      long offset = Files.size(spec.logFile());
      ProcessBuilder builder =
          new ProcessBuilder(Lifeline.wrap(spec.name(), spec.command()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
      builder.environment().putAll(spec.environment());
      Process process = builder.start();
      log.info("Started {} (pid {}), log {}", spec.name(), process.pid(), spec.logFile());
      return new ChildProcess(spec, process, offset, Instant.now());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name(), e);
    }
  }

  public ChildSpec spec() {
    return spec;
  }

  public long pid() {
    return process.pid();
  }

  public Instant startedAt() {
    return startedAt;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** The lifeline shell's children: the command itself and the watcher. */
  Stream<ProcessHandle> descendants() {
    return process.descendants();
  }

  /**
   * The command's own process, below its lifeline shell (which also runs a watcher subshell): the
   * one a {@code kill -9} must hit to look like the command crashing.
   */
  public java.util.Optional<ProcessHandle> command() {
    return process
        .children()
        .filter(
            child ->
                child
                    .info()
                    .command()
                    .map(
                        path ->
                            !SHELLS.contains(java.nio.file.Path.of(path).getFileName().toString()))
                    .orElse(false))
        .findFirst();
  }

  private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "dash", "bash");

  /** What the kernel does to the pipe when the launcher dies: the child then stops itself. */
  void closeLifeline() throws IOException {
    process.getOutputStream().close();
  }

  public boolean isReady() {
    return isAlive() && spec.readiness().isReady(this);
  }

  /** What the child wrote to its log since this instance was started. */
  public String outputSinceStart() {
    try (RandomAccessFile file = new RandomAccessFile(spec.logFile().toFile(), "r")) {
      long length = file.length() - logOffset;
      if (length <= 0) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE)];
      file.seek(logOffset);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * SIGTERM (the lifeline passes it on), then, if the child has not ended within the spec's stop
   * timeout, SIGKILL to its whole process group.
   */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!await(spec.stopTimeout())) {
      log.warn(
          "{} did not stop within {}; killing its process group", spec.name(), spec.stopTimeout());
      killProcessGroup();
      await(KILL_WAIT);
    }
  }

  /**
   * Kills what may be left of the child's process group, e.g. the command itself after someone
   * killed only its lifeline shell. Safe when the group is gone: Linux does not reuse a pid while
   * its process group still exists, and {@code kill} of an empty group just fails.
   */
  void killProcessGroup() {
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      log.warn("Cannot kill the process group of {}: {}", spec.name(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean await(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
