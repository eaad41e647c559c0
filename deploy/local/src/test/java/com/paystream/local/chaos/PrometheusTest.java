package com.paystream.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTest {

  private static final String EXPOSITION =
      """
      # HELP relay_backlog Recorded messages the ledger has not confirmed yet
      # TYPE relay_backlog gauge
      relay_backlog{service="callback-relay-svc"} 12.0
      relay_backlog_extra{service="callback-relay-svc"} 99.0
      relay_published_total{delivery="first",service="callback-relay-svc"} 40.0
      relay_published_total{delivery="redelivery",service="callback-relay-svc"} 3.0
      """;

  @Test
  void readsOneMetricNotAnotherWhoseNameBeginsTheSame() {
    assertThat(Prometheus.sum(EXPOSITION, "relay_backlog", "")).hasValue(12.0);
  }

  @Test
  void sumsTheSeriesWhoseLabelsMatch() {
    assertThat(Prometheus.sum(EXPOSITION, "relay_published_total", "delivery=\"first\""))
        .hasValue(40.0);
    assertThat(Prometheus.sum(EXPOSITION, "relay_published_total", "")).hasValue(43.0);
  }

  @Test
  void aMissingMetricIsEmpty() {
    assertThat(Prometheus.sum(EXPOSITION, "ledger_fenced_batches_total", "")).isEmpty();
  }
}
