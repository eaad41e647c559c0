package com.paystream.recon.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.internal.InternalArrival.CallbackSucceeded;
import com.paystream.recon.matching.internal.InternalArrival.EntryPosted;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InternalUnitCodecTest {

  private static final InternalRules RULES =
      new InternalRules(Duration.ofHours(1), Duration.ofDays(35));
  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
  private static final PaymentId PAY_1 = new PaymentId("pay-1");

  @Test
  void aUnitWithAnOpenBreakDecodesToWhatWasEncoded() {
    InternalUnit unit = InternalUnit.empty("pay-1");
    unit.accept(
        new CallbackSucceeded(PAY_1, "cb-1", Money.of(1000, "EUR"), DAY, "simulator", "ev-1", "t"),
        0,
        RULES);
    unit.accept(
        new EntryPosted(PAY_1, "e-1", "cb-1", Money.of(900, "EUR"), DAY, "ev-2", ""), 10, RULES);
    unit.expire(RULES.grace().toMillis() + 10);

    InternalUnit decoded = InternalUnitCodec.decode(InternalUnitCodec.encode(unit));

    assertThat(decoded.toString()).isEqualTo(unit.toString());
    assertThat(decoded.openBreak).isEqualTo(unit.openBreak);
    assertThat(decoded.openBreak.outcome()).isEqualTo(Outcome.BOOKED_AMOUNT_MISMATCH);
    assertThat(decoded.callbacks).isEqualTo(unit.callbacks);
    assertThat(decoded.entries).isEqualTo(unit.entries);
    assertThat(decoded.businessDate).isEqualTo(DAY);
    assertThat(decoded.emissions).isEqualTo(unit.emissions);
    assertThat(decoded.traceId).isEqualTo("t");
  }

  @Test
  void readsWhatTheReleaseBeforeTracingStored() {
    InternalUnit unit = InternalUnit.empty("pay-3");
    unit.accept(
        new CallbackSucceeded(
            new PaymentId("pay-3"), "cb-1", Money.of(1000, "EUR"), DAY, "simulator", "ev-1", ""),
        0,
        RULES);
    byte[] current = InternalUnitCodec.encode(unit);
    // Version 1 ended before the trace id, which is absent here (one byte, false).
    byte[] v1 = java.util.Arrays.copyOf(current, current.length - 1);
    v1[0] = 1;

    InternalUnit decoded = InternalUnitCodec.decode(v1);

    assertThat(decoded.toString()).isEqualTo(unit.toString());
    assertThat(decoded.traceId).isNull();
    assertThat(InternalUnitCodec.encode(decoded)).isEqualTo(current);
  }

  @Test
  void aBreakOpenedAtTheDeadlineCarriesThePaymentsTrace() {
    InternalUnit unit = InternalUnit.empty("pay-4");
    unit.accept(
        new CallbackSucceeded(
            new PaymentId("pay-4"), "cb-1", Money.of(1000, "EUR"), DAY, "simulator", "ev-1", "t4"),
        0,
        RULES);

    var decision = unit.expire(RULES.grace().toMillis());

    assertThat(decision.events()).extracting(e -> e.traceId()).containsExactly("t4");
  }

  @Test
  void aSecondArrivalOfTheSameCallbackIsNotApplied() {
    InternalUnit unit = InternalUnit.empty("pay-2");
    CallbackSucceeded callback =
        new CallbackSucceeded(
            new PaymentId("pay-2"), "cb-1", Money.of(1000, "EUR"), DAY, "simulator", "ev-1", "");
    unit.accept(callback, 0, RULES);

    assertThat(unit.accept(callback, 5, RULES).applied()).isFalse();
  }

  @Test
  void internalBreakIdsAreOpaqueAndApartFromStatementBreakIds() {
    assertThat(BreakIds.of("pay-1:i3"))
        .matches(BreakIds.SHAPE)
        .isNotEqualTo(BreakIds.of("pay-1:3"));
    assertThat(BreakIds.of("unreferenced:S/9:1")).matches(BreakIds.SHAPE);
  }
}
