package com.paystream.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the provider pays out: on each business day D it pays out what it booked since the previous
 * business day (exclusive) up to D (inclusive), so the bookings of a weekend go into Monday's
 * payout; the money reaches our bank {@code arrivalBusinessDays} business days after D (the
 * payout's value date). No holidays: a business day is a day of the week in {@code businessDays}.
 *
 * @param businessDays the days of the week the provider settles on
 * @param arrivalBusinessDays business days from D to the value date, at least 0
 */
public record PayoutSchedule(Set<DayOfWeek> businessDays, int arrivalBusinessDays) {

  /** Monday to Friday, the money on our bank account the next business day: the default. */
  public static final PayoutSchedule WEEKDAYS =
      new PayoutSchedule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 1);

  /**
   * Every calendar day is a business day (a scenario that runs on a Saturday still gets its
   * payout), the money arriving the next day.
   */
  public static final PayoutSchedule EVERY_DAY =
      new PayoutSchedule(EnumSet.allOf(DayOfWeek.class), 1);

  public PayoutSchedule {
    if (businessDays == null || businessDays.isEmpty()) {
      throw new IllegalArgumentException("a payout schedule has at least one business day");
    }
    if (arrivalBusinessDays < 0) {
      throw new IllegalArgumentException(
          "arrivalBusinessDays is zero or positive, not " + arrivalBusinessDays);
    }
    businessDays = Set.copyOf(businessDays);
  }

  public boolean isBusinessDay(LocalDate date) {
    return businessDays.contains(date.getDayOfWeek());
  }

  /** The business day {@code days} business days after {@code date} (itself when 0). */
  public LocalDate plusBusinessDays(LocalDate date, int days) {
    LocalDate result = date;
    for (int i = 0; i < days; i++) {
      result = next(result);
    }
    return result;
  }

  /** The first business day after {@code date}. */
  public LocalDate next(LocalDate date) {
    LocalDate result = date.plusDays(1);
    while (!isBusinessDay(result)) {
      result = result.plusDays(1);
    }
    return result;
  }

  /** The last business day before {@code date}. */
  public LocalDate previous(LocalDate date) {
    LocalDate result = date.minusDays(1);
    while (!isBusinessDay(result)) {
      result = result.minusDays(1);
    }
    return result;
  }

  /** The value date of the payout of business day {@code businessDate}. */
  public LocalDate valueDate(LocalDate businessDate) {
    return plusBusinessDays(businessDate, arrivalBusinessDays);
  }

  /** Whether a booking on {@code bookingDate} goes into the payout of {@code businessDate}. */
  public boolean covers(LocalDate businessDate, LocalDate bookingDate) {
    return isBusinessDay(businessDate)
        && !bookingDate.isAfter(businessDate)
        && bookingDate.isAfter(previous(businessDate));
  }
}
