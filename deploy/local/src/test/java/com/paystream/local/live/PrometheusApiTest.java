package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusApiTest {

  @Test
  void countsTheSeriesOfARangeQuery() throws Exception {
    String response =
        """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"job":"a"},"values":[[1,"1"],[6,"2"]]},
          {"metric":{"job":"b"},"values":[[1,"0"]]}]}}
        """;

    assertThat(PrometheusApi.seriesCount(response)).isEqualTo(2);
  }

  @Test
  void aRangeQueryEvaluatesAtItsEndSoThatASeriesJustRecordedIsSeen() {
    Instant start = Instant.parse("2026-12-07T10:00:00.400Z");
    Instant end = Instant.parse("2026-12-07T10:01:43.200Z");

    // 10:01:44 back to 10:00:00 is 104 s, 21 steps of 5 s: the first one is at 09:59:59
    assertThat(PrometheusApi.rangeQuery("up", start, end))
        .isEqualTo("query=up&start=1796637599&end=1796637704&step=5");
  }

  @Test
  void aRangeQueryOfAnExactEndKeepsIt() {
    Instant start = Instant.parse("2026-12-07T10:00:00Z");
    Instant end = Instant.parse("2026-12-07T10:00:20Z");

    assertThat(PrometheusApi.rangeQuery("up", start, end))
        .isEqualTo("query=up&start=1796637600&end=1796637620&step=5");
  }

  @Test
  void anEmptyResultIsNoData() throws Exception {
    assertThat(
            PrometheusApi.seriesCount(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"))
        .isZero();
  }

  @Test
  void aBadQueryIsAnErrorWithPrometheusReason() {
    assertThatThrownBy(
            () ->
                PrometheusApi.seriesCount(
                    "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"))
        .isInstanceOf(PrometheusApi.Unanswered.class)
        .hasMessage("bad_data: parse error");
  }

  @Test
  void readsAlertsWithTheirStateAndLabels() throws Exception {
    String response =
        """
        {"status":"success","data":{"alerts":[
          {"labels":{"alertname":"CallbackUnconfirmedTooLong","severity":"ticket"},
           "state":"firing","activeAt":"2026-12-06T14:06:26Z","value":"4.1e+01"}]}}
        """;

    assertThat(PrometheusApi.parseAlerts(response))
        .containsExactly(
            new PrometheusApi.Alert(
                "CallbackUnconfirmedTooLong",
                "firing",
                Map.of("alertname", "CallbackUnconfirmedTooLong", "severity", "ticket")));
  }
}
