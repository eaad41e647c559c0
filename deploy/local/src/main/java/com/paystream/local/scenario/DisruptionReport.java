package com.paystream.local.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The faults a {@link Disturbance} caused and what recovering from each cost.
 *
 * @param faults in the order they happened
 * @param relayTakeover from the relay leader's kill to the first publication of another instance;
 *     empty when no relay leader was killed or none took over in time
 * @param backlog what the backlog figures count, and where they are read
 * @param problems what did not come back as it should (a child not restarted, a backlog that never
 *     returned); the day fails unless empty
 */
public record DisruptionReport(
    List<Fault> faults, Optional<Duration> relayTakeover, String backlog, List<String> problems) {

  public DisruptionReport {
    faults = List.copyOf(faults);
    problems = List.copyOf(problems);
  }

  /**
   * One fault.
   *
   * @param what what was done, e.g. {@code kill -9 kafka-2 (active controller)}
   * @param at when, from the start of trading
   * @param backlogBefore the highest backlog in the seconds before it
   * @param backlogPeak the highest backlog after it, until it recovered
   * @param recoveredAfter from the fault until the backlog was back at or below its level before
   *     (and stayed there); empty when it never was
   * @param note what else was seen (fenced batches, the new controller)
   */
  public record Fault(
      String what,
      Duration at,
      long backlogBefore,
      long backlogPeak,
      Optional<Duration> recoveredAfter,
      String note) {}

  public boolean complete() {
    return problems.isEmpty();
  }
}
