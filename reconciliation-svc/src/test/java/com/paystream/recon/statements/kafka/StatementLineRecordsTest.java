package com.paystream.recon.statements.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.statements.LineKind;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementLineDraft;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementLineRecordsTest {

  private final StatementLineRecords records =
      new StatementLineRecords(
          null, null, Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), ZoneOffset.UTC));

  @Test
  void aPayoutReportsChargebackLineCarriesItsKindAndPayoutReference() {
    StatementLine line =
        records.avro(
            draft(LineKind.CHARGEBACK, "po_sim_EUR_20261204"),
            UUID.randomUUID(),
            UUID.randomUUID());

    assertThat(line.getKind()).isEqualTo(StatementLineKind.CHARGEBACK);
    assertThat(line.getPayoutReference()).isEqualTo("po_sim_EUR_20261204");
    assertThat(line.getPaymentReference()).isEqualTo("pay-1");
  }

  @Test
  void aLineOfNoPayoutHasNone() {
    StatementLine line =
        records.avro(draft(LineKind.PAYMENT, null), UUID.randomUUID(), UUID.randomUUID());

    assertThat(line.getPayoutReference()).isNull();
  }

  private static StatementLineDraft draft(LineKind kind, String payoutReference) {
    return new StatementLineDraft(
        "payout-sim-EUR-20261204",
        "0002",
        StatementFormat.PROVIDER_CSV,
        "provider:sim",
        "sim",
        "pay-1",
        Direction.DEBIT,
        kind,
        Money.of(10_000, "EUR"),
        LocalDate.of(2026, 12, 4),
        LocalDate.of(2026, 12, 4),
        "Chargeback",
        payoutReference);
  }
}
