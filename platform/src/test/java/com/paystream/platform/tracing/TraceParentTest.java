package com.paystream.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void parsesASampledHeader() {
    assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01"))
        .contains(new TraceParent(TRACE, SPAN, true));
  }

  @Test
  void readsTheSampledFlagFromTheLowestBit() {
    assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00").orElseThrow().sampled())
        .isFalse();
    assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-03").orElseThrow().sampled())
        .isTrue();
  }

  @Test
  void formatsWhatItParses() {
    String header = "00-" + TRACE + "-" + SPAN + "-01";
    assertThat(TraceParent.parse(header).orElseThrow().header()).isEqualTo(header);
    assertThat(new TraceParent(TRACE, SPAN, false).header()).endsWith("-00");
  }

  @Test
  void acceptsUpperCaseAndSurroundingBlanksAsLenientReaders() {
    assertThat(TraceParent.parse(" 00-" + TRACE.toUpperCase() + "-" + SPAN + "-01 "))
        .contains(new TraceParent(TRACE, SPAN, true));
  }

  @Test
  void readsAFutureVersionByItsFirstFields() {
    assertThat(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01-what-comes-later"))
        .contains(new TraceParent(TRACE, SPAN, true));
  }

  @Test
  void refusesWhatTheRecommendationCallsInvalid() {
    assertThat(TraceParent.parse(null)).isEmpty();
    assertThat(TraceParent.parse("")).isEmpty();
    assertThat(TraceParent.parse("ff-" + TRACE + "-" + SPAN + "-01")).isEmpty();
    assertThat(TraceParent.parse("00-" + "0".repeat(32) + "-" + SPAN + "-01")).isEmpty();
    assertThat(TraceParent.parse("00-" + TRACE + "-" + "0".repeat(16) + "-01")).isEmpty();
    assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01-extra")).isEmpty();
    assertThat(TraceParent.parse("00-" + TRACE.substring(1) + "-" + SPAN + "-01")).isEmpty();
    assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01" + " ".repeat(600))).isEmpty();
  }

  @Test
  void aStoredContextNeedsBothIds() {
    assertThat(TraceParent.of(TRACE, SPAN)).contains(new TraceParent(TRACE, SPAN, true));
    assertThat(TraceParent.of(TRACE, "")).isEmpty();
    assertThat(TraceParent.of("", SPAN)).isEmpty();
    assertThat(TraceParent.of(null, null)).isEmpty();
  }

  @Test
  void theTraceIdOfAHeaderIsEmptyWhenItDoesNotParse() {
    assertThat(TraceParent.traceIdOf("00-" + TRACE + "-" + SPAN + "-01")).isEqualTo(TRACE);
    assertThat(TraceParent.traceIdOf("garbage")).isEmpty();
  }

  @Test
  void constructionChecksTheIds() {
    assertThatThrownBy(() -> new TraceParent("abc", SPAN, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TraceParent(TRACE, "0".repeat(16), true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
