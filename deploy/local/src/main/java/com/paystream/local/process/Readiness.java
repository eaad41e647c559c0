package com.paystream.local.process;

/** Whether a started child is ready to serve. */
@FunctionalInterface
public interface Readiness {

  boolean isReady(ChildProcess child);

  /** Ready once the child printed {@code line} since it was started. */
  static Readiness logLine(String line) {
    return child -> child.outputSinceStart().contains(line);
  }
}
