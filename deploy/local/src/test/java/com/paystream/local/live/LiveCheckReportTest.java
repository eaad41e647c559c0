package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCheckReportTest {

  @Test
  void passesOnlyWhenEveryCheckPassed() {
    LiveCheck.Report report =
        new LiveCheck.Report(
            List.of(
                CheckResult.of("the day passed", true, "PASSED", List.of()),
                CheckResult.of("one trace", false, "no trace_id", List.of("gateway: none"))),
            Duration.ofSeconds(95));

    assertThat(report.passed()).isFalse();
    assertThat(report.render())
        .contains("ok   the day passed")
        .contains("FAIL one trace")
        .contains("- gateway: none")
        .contains("LIVE CHECK FAILED: 1 of 2 checks (one trace)");
  }

  @Test
  void saysPassedWhenAllPassed() {
    LiveCheck.Report report =
        new LiveCheck.Report(
            List.of(CheckResult.of("the day passed", true, "PASSED", List.of())), Duration.ZERO);

    assertThat(report.passed()).isTrue();
    assertThat(report.render()).endsWith("LIVE CHECK PASSED\n");
  }
}
