package com.paystream.recon.support;

import com.paystream.recon.ReconProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * {@link ReconProperties} for running the matching topology outside the service (topology tests,
 * the benchmark): the service's defaults (UTC, no tolerance, no inbox, no peers), with what such a
 * run chooses.
 */
public final class TopologyProperties {

  private TopologyProperties() {}

  public static ReconProperties of(
      String applicationId,
      Path stateDir,
      int streamThreads,
      Duration lostOrderGrace,
      Duration statementCutoff,
      Duration missingGrace,
      ReconProperties.Outbox outbox) {
    return new ReconProperties(
        applicationId,
        stateDir,
        streamThreads,
        Duration.ofMillis(100),
        lostOrderGrace,
        statementCutoff,
        missingGrace,
        0,
        ZoneOffset.UTC,
        Duration.ofSeconds(1),
        10_000,
        Duration.ofDays(35),
        "",
        Duration.ofSeconds(5),
        outbox,
        Duration.ofHours(1),
        new ReconProperties.Report(Duration.ofHours(4), Duration.ofMinutes(35), 2, ""),
        "",
        1,
        Duration.ofSeconds(2),
        ReconProperties.Payouts.DEFAULTS);
  }
}
