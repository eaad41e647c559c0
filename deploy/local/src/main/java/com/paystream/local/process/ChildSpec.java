package com.paystream.local.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to run one child of the launcher.
 *
 * @param name short name, used in logs and as the log file name
 * @param command the command line (without the lifeline wrapper)
 * @param logFile where stdout and stderr go (appended across restarts)
 * @param readiness when the child counts as ready
 * @param stopTimeout how long a clean shutdown may take before the process group is killed
 */
public record ChildSpec(
    String name, List<String> command, Path logFile, Readiness readiness, Duration stopTimeout) {

  public ChildSpec {
    command = List.copyOf(command);
  }
}
