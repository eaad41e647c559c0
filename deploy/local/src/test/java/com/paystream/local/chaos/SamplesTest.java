package com.paystream.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.chaos.Samples.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private static final Instant FAULT = Instant.parse("2026-12-06T10:00:00Z");
  private static final Duration SETTLED = Duration.ofSeconds(3);

  /** One reading per second from the fault on. */
  private static List<Backlog> readings(long... values) {
    List<Backlog> readings = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      readings.add(new Backlog(FAULT.plusSeconds(i), values[i]));
    }
    return readings;
  }

  @Test
  void recoversAtTheReadingAfterTheLastOneAboveTheLevelBeforeTheFault() {
    assertThat(Samples.recoveredAfter(readings(5, 9, 14, 8, 4, 3, 5, 2, 1), FAULT, 5, SETTLED))
        .hasValue(Duration.ofSeconds(4));
  }

  @Test
  void hasNotRecoveredUntilTheBacklogStayedDownForTheSettledTime() {
    assertThat(Samples.recoveredAfter(readings(5, 9, 14, 4, 3), FAULT, 5, SETTLED)).isEmpty();
    assertThat(Samples.recoveredAfter(readings(5, 9, 14, 4, 3, 3, 7), FAULT, 5, SETTLED)).isEmpty();
  }

  @Test
  void aFaultThatNeverRaisedTheBacklogCostsNothing() {
    assertThat(Samples.recoveredAfter(readings(2, 1, 0, 1, 0), FAULT, 2, SETTLED))
        .hasValue(Duration.ZERO);
  }

  @Test
  void withoutReadingsNothingIsKnown() {
    assertThat(Samples.recoveredAfter(List.of(), FAULT, 0, SETTLED)).isEmpty();
  }
}
