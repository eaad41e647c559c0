package com.paystream.ledger.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Maps instants to business dates. A business date ends at the cutoff, local time in the zone: with
 * a cutoff of 22:00, a booking at 21:59 on the 3rd belongs to the 3rd and one at 22:00 to the 4th.
 * A cutoff of 00:00 means the calendar day. A closed date never takes new entries: a booking that
 * would fall on it, or before it, lands on the first open date.
 */
public record BusinessCalendar(ZoneId zone, LocalTime cutoff) {

  public BusinessCalendar {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(cutoff, "cutoff");
  }

  public LocalDate businessDateOf(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (cutoff.equals(LocalTime.MIDNIGHT) || local.toLocalTime().isBefore(cutoff)) {
      return date;
    }
    return date.plusDays(1);
  }

  /** The date an entry booked at {@code bookedAt} belongs to, given the last closed date. */
  public LocalDate effectiveDate(Instant bookedAt, LocalDate lastClosedDate) {
    LocalDate date = businessDateOf(bookedAt);
    if (lastClosedDate != null && !date.isAfter(lastClosedDate)) {
      return lastClosedDate.plusDays(1);
    }
    return date;
  }

  /** The first instant that no longer belongs to {@code date}: when it can be closed. */
  public Instant endOf(LocalDate date) {
    if (cutoff.equals(LocalTime.MIDNIGHT)) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
    return ZonedDateTime.of(date, cutoff, zone).toInstant();
  }
}
