package com.paystream.recon.breaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakMergeTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  @Test
  void sortsThePartsTogetherBeforeCuttingThePage() {
    List<BreakView> mine = List.of(leg("brk_b", DAY, "EUR"), leg("brk_d", DAY.plusDays(1), "EUR"));
    List<BreakView> theirs = List.of(leg("brk_a", DAY, "EUR"), leg("brk_c", DAY, "USD"));
    List<BreakView> parts = new ArrayList<>(mine);
    parts.addAll(theirs);

    assertThat(BreakMerge.first(parts, 3))
        .extracting(BreakView::breakId)
        .containsExactly("brk_a", "brk_b", "brk_c");
  }

  @Test
  void anOlderBusinessDateComesFirstWhateverItsId() {
    List<BreakView> parts =
        List.of(leg("brk_a", DAY, "EUR"), leg("brk_z", DAY.minusDays(1), "EUR"));

    assertThat(BreakMerge.first(parts, 1)).extracting(BreakView::breakId).containsExactly("brk_z");
  }

  @Test
  void keepsEveryLegWhenThePageIsLargerThanTheWhole() {
    List<BreakView> parts = List.of(leg("brk_a", DAY, "USD"), leg("brk_a", DAY, "EUR"));

    assertThat(BreakMerge.first(parts, 100))
        .extracting(BreakView::currency)
        .containsExactly("EUR", "USD");
  }

  @Test
  void theLegsOfABreakAreSortedByCurrency() {
    assertThat(BreakMerge.legs(List.of(leg("brk_a", DAY, "USD"), leg("brk_a", DAY, "EUR"))))
        .extracting(BreakView::currency)
        .containsExactly("EUR", "USD");
  }

  @Test
  void noPartsNoLegs() {
    assertThat(BreakMerge.first(List.of(), 10)).isEmpty();
    assertThat(BreakMerge.legs(List.of())).isEmpty();
  }

  private static BreakView leg(String breakId, LocalDate date, String currency) {
    return new BreakView(
        breakId,
        "pay-1",
        "LOST_ORDER",
        date,
        currency,
        100L,
        null,
        100,
        "simulator",
        "S",
        "1",
        "pay-1",
        null,
        null,
        null);
  }
}
