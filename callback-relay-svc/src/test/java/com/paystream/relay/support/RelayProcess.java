package com.paystream.relay.support;

import com.paystream.relay.RelayApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay as a separate operating-system process (this JVM's java binary and class path), so a
 * test can kill it the hard way: {@link #kill()} is SIGKILL, no shutdown hook runs.
 */
public final class RelayProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private RelayProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static RelayProcess start(List<String> arguments, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RelayApplication.class.getName());
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new RelayProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** SIGKILL: the process gets no chance to finish its batch or close anything. */
  public void kill() {
    process.toHandle().destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
