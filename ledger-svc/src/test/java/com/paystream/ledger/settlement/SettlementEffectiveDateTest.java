package com.paystream.ledger.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.journal.AccountState;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A settlement entry is dated on its value date when the books can still take it there, and else on
 * the nearest date they can.
 */
class SettlementEffectiveDateTest {

  private static final BusinessCalendar CALENDAR =
      new BusinessCalendar(ZoneOffset.UTC, LocalTime.MIDNIGHT);
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static AccountState lastPostedAt(Instant at) {
    return new AccountState(
        ChartOfAccounts.bankCash(Money.currency("EUR")), 0, 0, at == null ? 0 : 1, at, false);
  }

  private static LocalDate date(LocalDate valueDate, LocalDate lastClosed, Instant lastPosted) {
    return ProviderSettlementService.effectiveDate(
        CALENDAR, valueDate, NOW, lastClosed, List.of(lastPostedAt(lastPosted)));
  }

  @Test
  void anOpenValueDateIsTheEffectiveDate() {
    assertThat(date(TODAY.minusDays(2), TODAY.minusDays(3), null)).isEqualTo(TODAY.minusDays(2));
    assertThat(date(TODAY, null, null)).isEqualTo(TODAY);
  }

  @Test
  void aClosedValueDateMovesToTheFirstOpenDate() {
    assertThat(date(TODAY.minusDays(5), TODAY.minusDays(2), null)).isEqualTo(TODAY.minusDays(1));
  }

  @Test
  void aValueDateAfterTheBookingsBusinessDateIsBookedToday() {
    assertThat(date(TODAY.plusDays(1), TODAY.minusDays(1), null)).isEqualTo(TODAY);
  }

  @Test
  void aValueDateBeforeTheAccountsLastPostingMovesUpToThatPostingsDate() {
    Instant yesterday = Instant.parse("2026-12-06T23:00:00Z");

    assertThat(date(TODAY.minusDays(3), TODAY.minusDays(4), yesterday))
        .isEqualTo(TODAY.minusDays(1));
    assertThat(date(TODAY.minusDays(3), TODAY.minusDays(4), NOW)).isEqualTo(TODAY);
  }
}
