package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceAcrossLogsTest {

  private static String line(String traceId, String message) {
    return "{\"@timestamp\":\"2026-12-06T14:04:34Z\",\"log\":{\"level\":\"INFO\"},"
        + "\"message\":\""
        + message
        + "\""
        + (traceId == null
            ? ""
            : ",\"trace_id\":\"" + traceId + "\",\"span_id\":\"00f067aa0ba902b7\"")
        + "}";
  }

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void readsTheTraceIdOfAJsonLineOnly() {
    assertThat(TraceAcrossLogs.traceId(line(TRACE, "x"))).contains(TRACE);
    assertThat(TraceAcrossLogs.traceId(line(null, "x"))).isEmpty();
    assertThat(TraceAcrossLogs.traceId("14:04:01 INFO trace_id=" + TRACE)).isEmpty();
    assertThat(TraceAcrossLogs.traceId("{not json")).isEmpty();
  }

  @Test
  void takesTraceIdsFromTheGatewaysLinesAboutAWebhook() {
    assertThat(
            TraceAcrossLogs.webhookTraceIds(
                List.of(
                    line("aaaa", "Started application"),
                    line(TRACE, "Webhook msg_1 of simulator recorded"),
                    line(null, "webhook without a trace"))))
        .containsExactly(TRACE);
  }

  @Test
  void passesWhenTheTraceIsInEveryOtherServicesLog() {
    TraceAcrossLogs.Outcome outcome =
        TraceAcrossLogs.check(
            List.of(line(TRACE, "webhook recorded")),
            Map.of(
                "relay", List.of(line(TRACE, "published")),
                "ledger", List.of(line("other", "x"), line(TRACE, "booked"))));

    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.traceId()).contains(TRACE);
  }

  @Test
  void namesTheServicesMissingTheTraceThatWentFurthest() {
    TraceAcrossLogs.Outcome outcome =
        TraceAcrossLogs.check(
            List.of(line("first", "webhook a"), line(TRACE, "webhook b")),
            new java.util.LinkedHashMap<>(
                Map.of(
                    "relay", List.of(line(TRACE, "published")),
                    "ledger", List.<String>of())));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.traceId()).contains(TRACE);
    assertThat(outcome.missingIn()).containsExactly("ledger");
    assertThat(outcome.describe(List.of("relay", "ledger"))).contains("missing in ledger");
  }

  @Test
  void failsClearlyWhenTheGatewayLogsNoTraceIdAtAll() {
    TraceAcrossLogs.Outcome outcome =
        TraceAcrossLogs.check(List.of(line(null, "webhook recorded")), Map.of("relay", List.of()));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.describe(List.of("relay"))).contains("carries a \"trace_id\" field");
  }
}
