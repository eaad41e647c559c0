package com.paystream.recon.matching;

import static com.paystream.recon.matching.Lines.DAY;
import static com.paystream.recon.matching.Lines.RULES;
import static com.paystream.recon.matching.Lines.T0;
import static com.paystream.recon.matching.Lines.credit;
import static com.paystream.recon.matching.Lines.ledger;
import static com.paystream.recon.matching.Lines.payment;
import static com.paystream.recon.matching.Lines.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.paystream.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchUnitTest {

  private final MatchUnit unit = MatchUnit.empty("pay-1");

  @Test
  void aStatementLineAndItsBookingMatch() {
    assertThat(unit.accept(credit("pay-1", "1", 12550, "EUR"), T0, RULES).events()).isEmpty();

    List<ReconEvent> events =
        unit.accept(payment("pay-1", "e-1", 1, 12550, "EUR"), T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::breakId)
        .containsExactly(tuple(Outcome.MATCHED, BreakState.RESOLVED, BreakIds.of("pay-1:1")));
    assertThat(events.get(0).leg()).isEqualTo(Leg.of("EUR", 12550L, 12550L));
    assertThat(events.get(0).businessDate()).isEqualTo(DAY);
    assertThat(events.get(0).statementLineId()).isEqualTo("1");
    assertThat(events.get(0).entryId()).isEqualTo("e-1");
    assertThat(unit.deadlineKind()).isEqualTo(MatchUnit.DeadlineKind.FORGET);
  }

  @Test
  void theBookingMayComeFirst() {
    unit.accept(payment("pay-1", "e-1", 1, 500, "EUR"), T0, RULES);

    List<ReconEvent> events = unit.accept(credit("pay-1", "1", 500, "EUR"), T0, RULES).events();

    assertThat(events).extracting(ReconEvent::outcome).containsExactly(Outcome.MATCHED);
  }

  @Test
  void aStatementLineWithoutBookingIsALostOrderAfterTheGrace() {
    unit.accept(credit("pay-1", "1", 12550, "EUR"), T0, RULES);

    assertThat(unit.deadlineMs()).isEqualTo(T0 + Duration.ofMinutes(30).toMillis());
    List<ReconEvent> events = unit.expire(unit.deadlineMs(), RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::leg)
        .containsExactly(tuple(Outcome.LOST_ORDER, BreakState.OPEN, Leg.of("EUR", 12550L, null)));
    assertThat(unit.openBreakIds()).containsExactly(BreakIds.of("pay-1:1"));
    assertThat(unit.deadlineMs()).isZero();
  }

  @Test
  void aLateBookingClosesTheLostOrder() {
    unit.accept(credit("pay-1", "1", 12550, "EUR"), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);

    List<ReconEvent> events =
        unit.accept(payment("pay-1", "e-1", 1, 12550, "EUR"), T0 + 3_600_000, RULES).events();

    assertThat(events)
        .extracting(
            ReconEvent::breakId, ReconEvent::outcome, ReconEvent::state, ReconEvent::resolution)
        .containsExactly(
            tuple(
                BreakIds.of("pay-1:1"),
                Outcome.LOST_ORDER,
                BreakState.RESOLVED,
                Resolutions.LATE_ARRIVAL));
    assertThat(events.get(0).leg()).isEqualTo(Leg.of("EUR", 12550L, 12550L));
    assertThat(unit.openBreakIds()).isEmpty();
  }

  @Test
  void aBookingNotInTheStatementIsMissingAfterCutoffAndGrace() {
    unit.accept(payment("pay-1", "e-1", 1, 999, "USD"), T0, RULES);

    long due = Instant.parse("2025-03-15T08:00:00Z").toEpochMilli(); // 14th + 1d + 6h + 2h
    assertThat(unit.deadlineMs()).isEqualTo(due);
    List<ReconEvent> events = unit.expire(due, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::leg)
        .containsExactly(
            tuple(Outcome.MISSING_IN_STATEMENT, BreakState.OPEN, Leg.of("USD", null, 999L)));
  }

  @Test
  void aStatementArrivingLateClosesTheMissingBreak() {
    unit.accept(payment("pay-1", "e-1", 1, 999, "USD"), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);

    List<ReconEvent> events = unit.accept(credit("pay-1", "9", 999, "USD"), T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::resolution)
        .containsExactly(
            tuple(Outcome.MISSING_IN_STATEMENT, BreakState.RESOLVED, Resolutions.LATE_ARRIVAL));
  }

  @Test
  void differentAmountsAreAMismatchOnceTheGracePassed() {
    unit.accept(payment("pay-1", "e-1", 1, 10000, "EUR"), T0, RULES);
    List<ReconEvent> onArrival = unit.accept(credit("pay-1", "1", 9900, "EUR"), T0, RULES).events();

    assertThat(onArrival).isEmpty();
    List<ReconEvent> events = unit.expire(unit.deadlineMs(), RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::leg)
        .containsExactly(
            tuple(Outcome.AMOUNT_MISMATCH, BreakState.OPEN, Leg.of("EUR", 9900L, 10000L)));
    assertThat(events.get(0).leg().atRisk()).isEqualTo(Money.of(100, "EUR"));
  }

  @Test
  void aDifferenceWithinTheToleranceMatches() {
    MatchRules tolerant =
        new MatchRules(
            Duration.ofMinutes(30),
            Duration.ofHours(6),
            Duration.ofHours(2),
            100,
            ZoneOffset.UTC,
            Duration.ofDays(35));
    unit.accept(payment("pay-1", "e-1", 1, 10000, "EUR"), T0, tolerant);

    List<ReconEvent> events = unit.accept(credit("pay-1", "1", 9900, "EUR"), T0, tolerant).events();

    assertThat(events).extracting(ReconEvent::outcome).containsExactly(Outcome.MATCHED);
  }

  @Test
  void aCurrencyMismatchIsAMismatchWithOneLegPerCurrency() {
    unit.accept(payment("pay-1", "e-1", 1, 10000, "USD"), T0, RULES);
    unit.accept(credit("pay-1", "1", 10000, "EUR"), T0, RULES);

    List<ReconEvent> events = unit.expire(unit.deadlineMs(), RULES).events();

    assertThat(events)
        .extracting(ReconEvent::breakId, ReconEvent::outcome, ReconEvent::leg)
        .containsExactly(
            tuple(BreakIds.of("pay-1:1"), Outcome.AMOUNT_MISMATCH, Leg.of("EUR", 10000L, 0L)),
            tuple(BreakIds.of("pay-1:1"), Outcome.AMOUNT_MISMATCH, Leg.of("USD", 0L, 10000L)));
  }

  @Test
  void theSameStatementCreditUnderAnotherLineIdIsADuplicateAtOnce() {
    unit.accept(credit("pay-1", "1", 12550, "EUR"), T0, RULES);
    unit.accept(payment("pay-1", "e-1", 1, 12550, "EUR"), T0, RULES);

    List<ReconEvent> events = unit.accept(credit("pay-1", "7", 12550, "EUR"), T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::breakId, ReconEvent::outcome, ReconEvent::state, ReconEvent::leg)
        .containsExactly(
            tuple(
                BreakIds.of("pay-1:2"),
                Outcome.DUPLICATE,
                BreakState.OPEN,
                Leg.of("EUR", 12550L, null)));
    assertThat(events.get(0).statementLineId()).isEqualTo("7");
    assertThat(unit.openBreakIds()).containsExactly(BreakIds.of("pay-1:2"));
  }

  @Test
  void aSecondBookingOfThePaymentInTheLedgerIsADuplicate() {
    unit.accept(payment("pay-1", "e-1", 1, 500, "EUR"), T0, RULES);

    List<ReconEvent> events =
        unit.accept(payment("pay-1", "e-2", 2, 500, "EUR"), T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::leg, ReconEvent::entryId)
        .containsExactly(tuple(Outcome.DUPLICATE, Leg.of("EUR", null, 500L), "e-2"));
  }

  @Test
  void aRedeliveredLineChangesNothing() {
    unit.accept(credit("pay-1", "1", 12550, "EUR"), T0, RULES);
    unit.accept(payment("pay-1", "e-1", 1, 12550, "EUR"), T0, RULES);

    Decision again = unit.accept(credit("pay-1", "1", 12550, "EUR"), T0, RULES);
    Decision ledgerAgain = unit.accept(payment("pay-1", "e-1", 1, 12550, "EUR"), T0, RULES);

    assertThat(again.applied()).isFalse();
    assertThat(again.events()).isEmpty();
    assertThat(ledgerAgain.events()).isEmpty();
  }

  @Test
  void aReversalBeforeAnyStatementNetsTheMissingBreakAway() {
    unit.accept(payment("pay-1", "e-1", 1, 500, "EUR"), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);

    List<ReconEvent> events =
        unit.accept(ledger("pay-1", "e-2", 2, false, Direction.CREDIT, 500, "EUR", DAY), T0, RULES)
            .events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::resolution)
        .containsExactly(
            tuple(
                Outcome.MISSING_IN_STATEMENT, BreakState.RESOLVED, Resolutions.NETTED_INTERNALLY));
  }

  @Test
  void anAmendmentIsComparedByItsNetAmount() {
    unit.accept(payment("pay-1", "e-1", 1, 10000, "EUR"), T0, RULES);
    unit.accept(ledger("pay-1", "e-2", 2, false, Direction.DEBIT, 12000, "EUR", DAY), T0, RULES);
    unit.accept(ledger("pay-1", "e-2", 3, false, Direction.CREDIT, 10000, "EUR", DAY), T0, RULES);

    List<ReconEvent> events = unit.accept(credit("pay-1", "1", 12000, "EUR"), T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::leg)
        .containsExactly(tuple(Outcome.MATCHED, Leg.of("EUR", 12000L, 12000L)));
  }

  @Test
  void aRefundIsMatchedWhenTheStatementShowsIt() {
    unit.accept(payment("pay-1", "e-1", 1, 10000, "EUR"), T0, RULES);
    unit.accept(credit("pay-1", "1", 10000, "EUR"), T0, RULES);

    List<ReconEvent> onRefund =
        unit.accept(
                ledger("pay-1", "e-3", 2, false, Direction.CREDIT, 3000, "EUR", DAY.plusDays(1)),
                T0,
                RULES)
            .events();
    List<ReconEvent> onStatement =
        unit.accept(
                statement("pay-1", "STMT-2", "4", Direction.DEBIT, 3000, "EUR", DAY.plusDays(1)),
                T0,
                RULES)
            .events();

    assertThat(onRefund).isEmpty();
    assertThat(onStatement)
        .extracting(ReconEvent::breakId, ReconEvent::outcome, ReconEvent::leg)
        .containsExactly(
            tuple(BreakIds.of("pay-1:2"), Outcome.MATCHED, Leg.of("EUR", 7000L, 7000L)));
  }

  @Test
  void anOperatorResolvesAMismatchAndTheDifferenceIsAccepted() {
    unit.accept(payment("pay-1", "e-1", 1, 10000, "EUR"), T0, RULES);
    unit.accept(credit("pay-1", "1", 9900, "EUR"), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);

    List<ReconEvent> events =
        unit.resolve(BreakIds.of("pay-1:1"), "provider fee withheld", "res-1", T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state, ReconEvent::resolution)
        .containsExactly(
            tuple(Outcome.AMOUNT_MISMATCH, BreakState.RESOLVED, "MANUAL: provider fee withheld"));
    assertThat(unit.openBreakIds()).isEmpty();
    assertThat(unit.deadlineKind()).isEqualTo(MatchUnit.DeadlineKind.FORGET);
    assertThat(unit.resolve(BreakIds.of("pay-1:1"), "again", "res-2", T0, RULES).applied())
        .isFalse();
  }

  @Test
  void anOperatorResolvesADuplicate() {
    unit.accept(credit("pay-1", "1", 500, "EUR"), T0, RULES);
    unit.accept(credit("pay-1", "2", 500, "EUR"), T0, RULES);

    List<ReconEvent> events =
        unit.resolve(BreakIds.of("pay-1:1"), "bank sent it twice", "r", T0, RULES).events();

    assertThat(events)
        .extracting(ReconEvent::outcome, ReconEvent::state)
        .containsExactly(tuple(Outcome.DUPLICATE, BreakState.RESOLVED));
    assertThat(unit.openBreakIds()).isEmpty();
  }

  @Test
  void theStatementsBookingDateIsTheBusinessDate() {
    LocalDate booked = LocalDate.of(2025, 3, 13);
    unit.accept(payment("pay-1", "e-1", 1, 500, "EUR"), T0, RULES);

    List<ReconEvent> events =
        unit.accept(statement("pay-1", "S", "1", Direction.CREDIT, 500, "EUR", booked), T0, RULES)
            .events();

    assertThat(events.get(0).businessDate()).isEqualTo(booked);
  }

  @Test
  void aMatchedUnitIsForgottenAfterTheRetentionUnlessABreakIsOpen() {
    unit.accept(credit("pay-1", "1", 500, "EUR"), T0, RULES);
    unit.accept(payment("pay-1", "e-1", 1, 500, "EUR"), T0, RULES);

    assertThat(unit.deadlineMs()).isEqualTo(T0 + Duration.ofDays(35).toMillis());
    assertThat(unit.expire(unit.deadlineMs(), RULES).forget()).isTrue();
  }

  @Test
  void eventIdsAreTheSameForTheSameHistory() {
    MatchUnit twin = MatchUnit.empty("pay-1");
    unit.accept(credit("pay-1", "1", 500, "EUR"), T0, RULES);
    twin.accept(credit("pay-1", "1", 500, "EUR"), T0, RULES);

    String id =
        unit.accept(payment("pay-1", "e", 1, 500, "EUR"), T0, RULES).events().get(0).eventId();
    String twinId =
        twin.accept(payment("pay-1", "e", 1, 500, "EUR"), T0, RULES).events().get(0).eventId();

    assertThat(id).isEqualTo(twinId);
  }

  @Test
  void survivesTheCodecUnchanged() {
    unit.accept(payment("pay-1", "e-1", 1, 10000, "USD"), T0, RULES);
    unit.accept(credit("pay-1", "1", 10000, "EUR"), T0, RULES);
    unit.accept(credit("pay-1", "2", 10000, "EUR"), T0, RULES);
    unit.expire(unit.deadlineMs(), RULES);

    MatchUnit copy = MatchUnitCodec.decode(MatchUnitCodec.encode(unit));

    assertThat(copy.openBreakIds()).isEqualTo(unit.openBreakIds());
    assertThat(copy.items()).isEqualTo(unit.items());
    assertThat(copy.deadlineMs()).isEqualTo(unit.deadlineMs());
    List<ReconEvent> fromCopy =
        copy.accept(payment("pay-1", "e-9", 9, 10000, "EUR"), T0, RULES).events();
    List<ReconEvent> fromOriginal =
        unit.accept(payment("pay-1", "e-9", 9, 10000, "EUR"), T0, RULES).events();
    assertThat(fromCopy).isEqualTo(fromOriginal);
  }
}
