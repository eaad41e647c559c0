package com.paystream.recon.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMergeTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final Instant NOW = Instant.parse("2025-03-15T08:00:00Z");

  @Test
  void sumsEveryFigureOfACurrencyOverTheInstances() {
    DailyReport mine =
        part("EUR", Map.of("MATCHED", figures(3, 300), "LOST_ORDER", figures(1, 50)), 1, 50);
    DailyReport theirs =
        part("EUR", Map.of("MATCHED", figures(2, 200), "AMOUNT_MISMATCH", figures(1, 7)), 1, 7);

    List<DailyReport> whole = ReportMerge.sum(DAY, List.of(mine, theirs), NOW, "ON_DEMAND");

    assertThat(whole).hasSize(1);
    DailyReport eur = whole.get(0);
    assertThat(eur.outcomes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "MATCHED", figures(5, 500),
                "LOST_ORDER", figures(1, 50),
                "AMOUNT_MISMATCH", figures(1, 7)));
    assertThat(eur.openBreaks()).isEqualTo(2);
    assertThat(eur.moneyAtRiskMinor()).isEqualTo(57);
    assertThat(eur.generatedAt()).isEqualTo(NOW);
    assertThat(eur.trigger()).isEqualTo("ON_DEMAND");
  }

  @Test
  void keepsCurrenciesApartAndSorted() {
    List<DailyReport> whole =
        ReportMerge.sum(
            DAY,
            List.of(
                part("USD", Map.of("MATCHED", figures(1, 10)), 0, 0),
                part("EUR", Map.of("MATCHED", figures(1, 20)), 0, 0)),
            NOW,
            "SCHEDULE");

    assertThat(whole).extracting(DailyReport::currency).containsExactly("EUR", "USD");
    assertThat(whole.get(1).outcomes().get("MATCHED")).isEqualTo(figures(1, 10));
  }

  @Test
  void noPartsNoReports() {
    assertThat(ReportMerge.sum(DAY, List.of(), NOW, "ON_DEMAND")).isEmpty();
  }

  @Test
  void refusesAPartOfAnotherDate() {
    DailyReport other = new DailyReport(DAY.plusDays(1), "EUR", NOW, "ON_DEMAND", Map.of(), 0, 0);

    assertThatThrownBy(() -> ReportMerge.sum(DAY, List.of(other), NOW, "ON_DEMAND"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DailyReport part(
      String currency, Map<String, DailyReport.Figures> outcomes, long open, long atRisk) {
    return new DailyReport(
        DAY, currency, NOW.minusSeconds(60), "ON_DEMAND", outcomes, open, atRisk);
  }

  private static DailyReport.Figures figures(long count, long amountMinor) {
    return new DailyReport.Figures(count, amountMinor);
  }
}
