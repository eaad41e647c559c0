package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GrafanaVariablesTest {

  private static final Duration RATE = Duration.ofSeconds(20);
  private static final Duration RANGE = Duration.ofMinutes(5);

  @Test
  void leavesAnExpressionWithoutVariablesAsItIs() {
    String expr = "sum by (job) (rate(http_server_requests_seconds_count{job=~\"a|b\"}[5m]))";

    assertThat(GrafanaVariables.substitute(expr, RATE, RANGE)).isEqualTo(expr);
  }

  @Test
  void replacesIntervalsByDurations() {
    assertThat(
            GrafanaVariables.substitute(
                "rate(x[$__rate_interval]) + rate(y[${__interval}]) + increase(z[$__range])",
                RATE,
                RANGE))
        .isEqualTo("rate(x[20s]) + rate(y[20s]) + increase(z[300s])");
  }

  @Test
  void makesAMatcherOnADashboardVariableMatchEveryValue() {
    assertThat(
            GrafanaVariables.substitute(
                "sum(money{currency=\"$currency\", job!=\"${job}\"})", RATE, RANGE))
        .isEqualTo("sum(money{currency=~\".*\", job!~\".*\"})");
  }
}
