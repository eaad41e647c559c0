package com.paystream.recon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.recon.OutcomeFigures;
import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.recon.ReportTrigger;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** A report as recon.reports.v1 carries it: the catalogue's Avro contract, not JSON. */
class ReportRecordsTest {

  private static final DailyReport REPORT =
      new DailyReport(
          LocalDate.of(2025, 3, 14),
          "EUR",
          Instant.parse("2025-03-15T06:00:00Z"),
          "STATEMENT",
          Map.of(
              "MATCHED", new DailyReport.Figures(10, 25_000),
              "AMOUNT_MISMATCH", new DailyReport.Figures(1, 1_250)),
          1,
          1_250);

  @Test
  void everyFigureOfTheReportIsInTheRecord() {
    ReconReport record = ReportRecords.of(REPORT);

    assertThat(record.getBusinessDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    assertThat(record.getCurrency()).isEqualTo("EUR");
    assertThat(record.getGeneratedAt()).isEqualTo(Instant.parse("2025-03-15T06:00:00Z"));
    assertThat(record.getTrigger()).isEqualTo(ReportTrigger.STATEMENT);
    assertThat(record.getOutcomes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "MATCHED", new OutcomeFigures(10L, 25_000L),
                "AMOUNT_MISMATCH", new OutcomeFigures(1L, 1_250L)));
    assertThat(record.getOpenBreaks()).isEqualTo(1);
    assertThat(record.getMoneyAtRiskMinor()).isEqualTo(1_250);
  }

  @Test
  void theRecordTravelsInConfluentWireFormatUnderThePinnedId() {
    PinnedSchemaRegistry registry = PinnedSchemaRegistry.bundled();
    Serde<ReconReport> serde = Topics.RECON_REPORTS.valueSerde(registry);

    byte[] bytes = serde.serializer().serialize("recon.reports.v1", ReportRecords.of(REPORT));

    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt())
        .isEqualTo(registry.latest("recon.reports.v1-value").id());
    assertThat(serde.deserializer().deserialize("recon.reports.v1", bytes))
        .isEqualTo(ReportRecords.of(REPORT));
  }
}
