package com.paystream.recon.matching.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClearingCheckTest {

  private static final long T0 = 1_700_000_000_000L;

  @Test
  void theBalanceIsEachAccountsLatestSequenceSummedAndAnOlderOrRepeatedLineChangesNothing() {
    ClearingCheck check = new ClearingCheck("EUR");

    assertThat(check.apply(ClearingMove.balance("EUR", "a", 2, 300), T0)).isTrue();
    assertThat(check.apply(ClearingMove.balance("EUR", "a", 1, 100), T0)).isFalse();
    assertThat(check.apply(ClearingMove.balance("EUR", "a", 2, 999), T0)).isFalse();
    assertThat(check.apply(ClearingMove.balance("EUR", "b", 1, -50), T0)).isTrue();

    assertThat(check.balance()).isEqualTo(250);
  }

  @Test
  void theDifferenceIsBalanceMinusUnpaidMinusAwaitingAndItsAgeStartsWhenItStopsBeingZero() {
    ClearingCheck check = new ClearingCheck("EUR");
    check.apply(ClearingMove.balance("EUR", "a", 1, 10_000), T0);
    assertThat(check.difference()).isEqualTo(10_000);
    check.apply(new ClearingMove(ClearingMove.Kind.UNPAID, "EUR", "", 0, 10_000), T0 + 1_000);
    assertThat(check.difference()).isZero();
    assertThat(check.differingSeconds(T0 + 60_000)).isZero();

    // The payout is reported: unpaid moves to awaiting, the difference stays 0.
    check.apply(new ClearingMove(ClearingMove.Kind.UNPAID, "EUR", "", 0, -10_000), T0 + 2_000);
    check.apply(new ClearingMove(ClearingMove.Kind.AWAITING, "EUR", "", 0, 10_000), T0 + 2_000);
    assertThat(check.difference()).isZero();

    // Settled by reconciliation, not yet booked by the ledger.
    check.apply(new ClearingMove(ClearingMove.Kind.AWAITING, "EUR", "", 0, -10_000), T0 + 3_000);
    assertThat(check.difference()).isEqualTo(10_000);
    assertThat(check.differingSeconds(T0 + 63_000)).isEqualTo(60);

    check.apply(ClearingMove.balance("EUR", "a", 2, 0), T0 + 4_000);
    assertThat(check.difference()).isZero();
    assertThat(check.differingSeconds(T0 + 100_000)).isZero();
    assertThat(List.of(check.balance(), check.unpaid(), check.awaiting()))
        .containsExactly(0L, 0L, 0L);
  }

  @Test
  void aMoveInAnotherCurrencyIsRefused() {
    ClearingCheck check = new ClearingCheck("EUR");
    assertThatThrownBy(() -> check.apply(ClearingMove.balance("USD", "a", 1, 1), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void movesBetweenSharesAreOnePerCurrencyThatChanged() {
    assertThat(
            ClearingMove.between(
                ClearingMove.Kind.UNPAID,
                Map.of("EUR", 100L, "USD", 5L),
                Map.of("EUR", 40L, "GBP", 7L, "USD", 5L)))
        .containsExactly(
            new ClearingMove(ClearingMove.Kind.UNPAID, "EUR", "", 0, -60),
            new ClearingMove(ClearingMove.Kind.UNPAID, "GBP", "", 0, 7));
    assertThat(
            ClearingMove.between(ClearingMove.Kind.AWAITING, Map.of("EUR", 1L), Map.of("EUR", 1L)))
        .isEmpty();
  }

  @Test
  void checksAndMovesSurviveTheirBinaryForms() {
    ClearingCheck check = new ClearingCheck("EUR");
    check.apply(ClearingMove.balance("EUR", "a", 7, 1_234), T0);
    check.apply(ClearingMove.balance("EUR", "b", 3, -34), T0);
    check.apply(new ClearingMove(ClearingMove.Kind.UNPAID, "EUR", "", 0, 1_000), T0);
    check.apply(new ClearingMove(ClearingMove.Kind.AWAITING, "EUR", "", 0, 150), T0 + 5);

    ClearingCheck back = ClearingCodec.decodeCheck(ClearingCodec.encode(check));

    assertThat(back.accounts()).isEqualTo(check.accounts());
    assertThat(List.of(back.balance(), back.unpaid(), back.awaiting(), back.differingSinceMs()))
        .containsExactly(1_200L, 1_000L, 150L, check.differingSinceMs());
    assertThat(back.differingSinceMs()).isEqualTo(T0);
    ClearingMove move = ClearingMove.balance("GBP", "acct-9", 42, -7);
    assertThat(ClearingCodec.decodeMove(ClearingCodec.encode(move))).isEqualTo(move);
  }
}
