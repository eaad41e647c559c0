package com.paystream.ledger.dayclose;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.ledger.support.MutableClock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** The ledger on a clock the test moves, starting 2026-03-01 10:00 UTC, and its business dates. */
@Import(DayCloseTestBase.Clocks.class)
abstract class DayCloseTestBase extends LedgerServiceTest {

  static final UUID MERCHANT = UUID.fromString(AccountSpec.idOf("merchant:m-1:EUR").value());

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    }
  }

  @Autowired MutableClock clock;

  DayStatus status(String date) {
    return http().get().uri("/v1/days/{d}", date).retrieve().body(DayStatus.class);
  }

  long snapshotClosing(UUID account, String date) {
    return count(
        "select closing_minor from account_balance_snapshot where account_id = ?"
            + " and business_date = ?::date",
        account,
        date);
  }
}
