package com.paystream.local.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run one child of the launcher.
 *
 * @param name short name, used in logs and as the log file name
 * @param command the command line (without the lifeline wrapper)
 * @param logFile where stdout and stderr go (appended across restarts)
 * @param readiness when the child counts as ready
 * @param stopTimeout how long a clean shutdown may take before the process group is killed
 * @param environment variables added to the child's environment: where secrets go, never the
 *     command line (which {@code ps} shows to every user of the machine)
 * @param restartCommand the command line when it is restarted after dying unasked (the same, unless
 *     a restart must behave differently, e.g. never create what the first start may)
 */
public record ChildSpec(
    String name,
    List<String> command,
    Path logFile,
    Readiness readiness,
    Duration stopTimeout,
    Map<String, String> environment,
    List<String> restartCommand) {

  public ChildSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    restartCommand = List.copyOf(restartCommand);
  }

  /** A child restarted with the same command line. */
  public ChildSpec(
      String name,
      List<String> command,
      Path logFile,
      Readiness readiness,
      Duration stopTimeout,
      Map<String, String> environment) {
    this(name, command, logFile, readiness, stopTimeout, environment, command);
  }

  /** The same child, restarted with {@code args} added to its command line. */
  public ChildSpec withRestartArgs(String... args) {
    List<String> restart = new java.util.ArrayList<>(command);
    restart.addAll(List.of(args));
    return new ChildSpec(name, command, logFile, readiness, stopTimeout, environment, restart);
  }

  /** What a restart runs. */
  ChildSpec forRestart() {
    return new ChildSpec(
        name, restartCommand, logFile, readiness, stopTimeout, environment, restartCommand);
  }

  /** A child that needs nothing in its environment beyond the launcher's. */
  public ChildSpec(
      String name, List<String> command, Path logFile, Readiness readiness, Duration stopTimeout) {
    this(name, command, logFile, readiness, stopTimeout, Map.of());
  }

  @Override
  public String toString() {
    return "ChildSpec[" + name + ", environment " + environment.keySet() + "]";
  }
}
