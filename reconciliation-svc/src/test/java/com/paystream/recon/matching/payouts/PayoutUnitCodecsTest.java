package com.paystream.recon.matching.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.matching.LedgerArrival;
import com.paystream.recon.matching.Leg;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.ReconEventCodec;
import com.paystream.recon.matching.StatementKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes of the second leg's units in their stores and changelogs are a contract with what is
 * stored: a unit read back is the unit written (it encodes to the same bytes and decides the same
 * next step), and the first version's bytes stay readable.
 */
class PayoutUnitCodecsTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final long T0 = Instant.parse("2025-03-15T07:00:00Z").toEpochMilli();
  private static final PayoutRules RULES =
      new PayoutRules(
          0,
          Map.of("JPY", 1L),
          Duration.ofDays(1),
          Duration.ofHours(6),
          Duration.ofDays(3),
          Duration.ofHours(1),
          ZoneOffset.UTC,
          Duration.ofDays(35));

  /** {@link #settledShortWithDuplicate()} as version 1 stored it. */
  private static final String PAYOUT_V1 =
      "010013706f5f73696d5f4555525f3230323530333134000000050006537c427c42310006537c"
          + "427c42320007537c527c5061790006537c527c52310006537c527c5232000000020006537c52"
          + "7c523100075041594d454e5400000000000027100003455552010000000000004ec10006537c"
          + "527c52320003464545fffffffffffffed40003455552010000000000004ec1010007537c527c"
          + "506179000152000350617900000000000025e40003455552010000000000004ec10100000000"
          + "00004ec201000373696d000000010006537c427c423100014200024231000000000000232800"
          + "03455552010000000000004ec2010006537c427c42310001001c62726b5f654d694863325a59"
          + "37754164525449754864656c4b686e38000c5041594f55545f53484f5254010000000000004e"
          + "c100034555520100000000000023280100000000000025e400000001001c62726b5f30497a30"
          + "42532d676d324e664c387971487662627a39764e00094455504c494341544501000000000000"
          + "4ec2000345555201000000000000232800000000020000000000000002000001964cd8d18000"
          + "06464f5247455401002030616637363531393136636434336464383434386562323131633830"
          + "33313963";

  @Test
  void aPayoutUnitReadBackIsTheUnitWritten() {
    PayoutUnit unit = settledShortWithDuplicate();

    byte[] bytes = PayoutUnitCodec.encode(unit);
    PayoutUnit read = PayoutUnitCodec.decode(bytes);

    assertThat(PayoutUnitCodec.encode(read)).isEqualTo(bytes);
    assertThat(read.snapshot()).isEqualTo(unit.snapshot());
    assertThat(read.settled()).isTrue();
    assertThat(read.deadlineMs()).isEqualTo(unit.deadlineMs());
  }

  @Test
  void aPaidOutUnitReadBackIsTheUnitWritten() {
    PaidOutUnit unit = PaidOutUnit.empty("pay-1");
    unit.accept(ledger("pay-1", 1, 10000), T0, RULES);
    unit.accept(line("po_sim_EUR_20250314", "pay-1", StatementKind.PAYMENT, "R1", 9000), T0, RULES);
    unit.accept(
        line("po_sim_EUR_20250314", "pay-1", StatementKind.CHARGEBACK, "R2", 500), T0, RULES);
    unit.expire(T0 + Duration.ofHours(2).toMillis(), RULES);

    byte[] bytes = PaidOutUnitCodec.encode(unit);
    PaidOutUnit read = PaidOutUnitCodec.decode(bytes);

    assertThat(PaidOutUnitCodec.encode(read)).isEqualTo(bytes);
    assertThat(read.snapshot()).isEqualTo(unit.snapshot());
    // Both close the mismatch the same way once the rest of the payment is paid out.
    Decision original =
        unit.accept(
            line("po_sim_EUR_20250315", "pay-1", StatementKind.PAYMENT, "R9", 1000), T0, RULES);
    Decision restored =
        read.accept(
            line("po_sim_EUR_20250315", "pay-1", StatementKind.PAYMENT, "R9", 1000), T0, RULES);
    assertThat(restored).isEqualTo(original);
    assertThat(original.events())
        .extracting(ReconEvent::outcome, ReconEvent::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Outcome.PAYOUT_LINE_MISMATCH, BreakState.RESOLVED));
  }

  @Test
  void theFirstPayoutUnitEncodingStaysReadable() {
    PayoutUnit stored = PayoutUnitCodec.decode(HexFormat.of().parseHex(PAYOUT_V1));

    assertThat(stored.snapshot()).isEqualTo(settledShortWithDuplicate().snapshot());
  }

  @Test
  void anUnknownEncodingVersionIsRefused() {
    assertThatThrownBy(() -> PayoutUnitCodec.decode(new byte[] {9}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 9");
    assertThatThrownBy(() -> PaidOutUnitCodec.decode(new byte[] {9}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 9");
  }

  @Test
  void aResultKeepsItsPayoutReferenceInTheBreakStores() {
    ReconEvent event =
        new ReconEvent(
            "00000000-0000-0000-0000-000000000001",
            "brk_AAAAAAAAAAAAAAAAAAAAAAAA",
            "po_sim_EUR_20250314",
            Outcome.PAYOUT_SHORT,
            BreakState.OPEN,
            null,
            DAY,
            Leg.of("EUR", 12000L, 12700L),
            "B1",
            null,
            "sim",
            "c",
            "",
            null,
            "BANK-1",
            null,
            "po_sim_EUR_20250314");

    assertThat(ReconEventCodec.decode(ReconEventCodec.encode(event))).isEqualTo(event);
  }

  private static PayoutUnit settledShortWithDuplicate() {
    String po = "po_sim_EUR_20250314";
    PayoutUnit unit = PayoutUnit.empty(po);
    unit.accept(line(po, "pay-1", StatementKind.PAYMENT, "R1", 10000), T0, RULES);
    unit.accept(line(po, null, StatementKind.FEE, "R2", 300), T0, RULES);
    unit.accept(payoutLine(po, 9700), T0, RULES);
    unit.accept(bank(po, "B1", 9000), T0, RULES);
    unit.accept(bank(po, "B2", 9000), T0, RULES);
    return unit;
  }

  static PayoutLine line(
      String payout, String payment, StatementKind kind, String lineId, long minor) {
    Direction direction = kind == StatementKind.PAYMENT ? Direction.CREDIT : Direction.DEBIT;
    return new PayoutLine(
        payout,
        payment,
        false,
        kind,
        "R",
        lineId,
        direction,
        Money.of(minor, "EUR"),
        DAY,
        DAY,
        "sim",
        "evt-" + lineId,
        "0af7651916cd43dd8448eb211c80319c");
  }

  private static PayoutLine payoutLine(String payout, long minor) {
    return new PayoutLine(
        payout,
        null,
        false,
        StatementKind.PAYOUT,
        "R",
        "Pay",
        Direction.DEBIT,
        Money.of(minor, "EUR"),
        DAY,
        DAY.plusDays(1),
        "sim",
        "evt-pay",
        "");
  }

  private static PayoutLine bank(String payout, String lineId, long minor) {
    return new PayoutLine(
        payout,
        payout,
        true,
        StatementKind.PAYMENT,
        "B",
        lineId,
        Direction.CREDIT,
        Money.of(minor, "EUR"),
        DAY.plusDays(1),
        DAY.plusDays(1),
        null,
        "evt-" + lineId,
        "");
  }

  private static LedgerArrival ledger(String payment, long sequence, long minor) {
    return new LedgerArrival(
        payment,
        "acct-clearing-EUR",
        sequence,
        "e-" + sequence,
        true,
        Direction.DEBIT,
        Money.of(minor, "EUR"),
        DAY,
        "sim",
        "evt-l-" + sequence,
        "");
  }
}
