package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelQueryTest {

  @Test
  void readsEveryTargetOfEveryPanelIncludingPanelsInsideRows() {
    String dashboard =
        """
        {"uid": "paystream-x", "panels": [
          {"type": "timeseries", "title": "Lag", "targets": [
            {"refId": "A", "expr": "sum by (job)\\n  (lag)"},
            {"refId": "B", "expr": ""}]},
          {"type": "row", "title": "More", "targets": [], "panels": [
            {"type": "stat", "title": "Up", "targets": [{"refId": "A", "expr": "up"}]}]}
        ]}
        """;

    assertThat(PanelQuery.of(dashboard))
        .containsExactly(
            new PanelQuery("paystream-x", "Lag", "A", "sum by (job) (lag)"),
            new PanelQuery("paystream-x", "Up", "A", "up"));
  }

  @Test
  void readsTheSuitesDashboardsAsPanelQueriesShDoes() {
    List<PanelQuery> queries =
        PanelsHaveData.queries(Path.of("..", "..").resolve(PanelsHaveData.DASHBOARDS));

    assertThat(queries).hasSizeGreaterThan(30);
    assertThat(queries)
        .contains(
            new PanelQuery(
                "paystream-money-flow",
                "Oldest unconfirmed callback",
                "A",
                "paystream:relay_oldest_unconfirmed_age_seconds:max"));
  }
}
