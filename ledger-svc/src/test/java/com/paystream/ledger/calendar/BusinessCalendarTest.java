package com.paystream.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private final BusinessCalendar berlinAt22 =
      new BusinessCalendar(ZoneId.of("Europe/Berlin"), LocalTime.of(22, 0));
  private final BusinessCalendar utcMidnight =
      new BusinessCalendar(ZoneId.of("UTC"), LocalTime.MIDNIGHT);

  @Test
  void aBookingBeforeTheCutoffBelongsToThatDay() {
    // 20:59 UTC is 21:59 in Berlin (winter time).
    assertThat(berlinAt22.businessDateOf(Instant.parse("2026-01-05T20:59:59Z")))
        .isEqualTo(LocalDate.parse("2026-01-05"));
  }

  @Test
  void aBookingAtOrAfterTheCutoffBelongsToTheNextDay() {
    assertThat(berlinAt22.businessDateOf(Instant.parse("2026-01-05T21:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-01-06"));
  }

  @Test
  void theCutoffFollowsDaylightSavingTime() {
    // Summer time: 22:00 in Berlin is 20:00 UTC.
    assertThat(berlinAt22.businessDateOf(Instant.parse("2026-07-05T19:59:59Z")))
        .isEqualTo(LocalDate.parse("2026-07-05"));
    assertThat(berlinAt22.businessDateOf(Instant.parse("2026-07-05T20:00:00Z")))
        .isEqualTo(LocalDate.parse("2026-07-06"));
  }

  @Test
  void aMidnightCutoffMeansCalendarDays() {
    assertThat(utcMidnight.businessDateOf(Instant.parse("2026-01-05T23:59:59Z")))
        .isEqualTo(LocalDate.parse("2026-01-05"));
    assertThat(utcMidnight.endOf(LocalDate.parse("2026-01-05")))
        .isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
  }

  @Test
  void aLateBookingLandsOnTheFirstOpenDate() {
    Instant lateForThe5th = Instant.parse("2026-01-05T12:00:00Z");

    assertThat(utcMidnight.effectiveDate(lateForThe5th, LocalDate.parse("2026-01-05")))
        .isEqualTo(LocalDate.parse("2026-01-06"));
    assertThat(utcMidnight.effectiveDate(lateForThe5th, LocalDate.parse("2026-01-04")))
        .isEqualTo(LocalDate.parse("2026-01-05"));
    assertThat(utcMidnight.effectiveDate(lateForThe5th, null))
        .isEqualTo(LocalDate.parse("2026-01-05"));
  }

  @Test
  void aDateEndsAtItsCutoff() {
    assertThat(berlinAt22.endOf(LocalDate.parse("2026-01-05")))
        .isEqualTo(Instant.parse("2026-01-05T21:00:00Z"));
  }
}
