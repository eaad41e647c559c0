package com.paystream.recon.matching.streams;

import static com.paystream.recon.support.Records.clearingLine;
import static com.paystream.recon.support.Records.paymentEntry;
import static com.paystream.recon.support.Records.statementLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.ledger.JournalEntry;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.statements.StatementLine;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@code UNKNOWN} is what this reader makes of an enum symbol added after it was built (the
 * contracts' enum default): never a real value, so the record is refused with {@code
 * UNKNOWN_SYMBOL} (and dead-lettered by the topology, as every {@link InvalidRecordException}),
 * never matched as a debit, a credit or a payment.
 */
class UnknownContractSymbolsTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  @Test
  void aStatementLineInAnUnknownDirectionIsRefused() {
    StatementLine unreferenced = statementLine("S", "L1", null, Side.UNKNOWN, 500, "EUR", DAY);
    StatementLine referenced = statementLine("S", "L2", "pay-1", Side.UNKNOWN, 500, "EUR", DAY);

    assertUnknownSymbol(() -> ArrivalMapper.statement(unreferenced));
    assertUnknownSymbol(() -> ArrivalMapper.statement(referenced));
    assertThat(
            ArrivalMapper.statement(statementLine("S", "L3", "pay-1", Side.CREDIT, 500, "EUR", DAY))
                .reference())
        .as("positive control")
        .isEqualTo("pay-1");
  }

  @Test
  void aCashflowLineWithAnUnknownSideOrEntryTypeIsRefused() {
    CashflowLine unknownSide =
        clearingLine("pay-1", "e-1", 1, EntryType.PAYMENT, Side.UNKNOWN, 500, "EUR", DAY);
    CashflowLine unknownType =
        clearingLine("pay-1", "e-1", 1, EntryType.UNKNOWN, Side.DEBIT, 500, "EUR", DAY);

    assertUnknownSymbol(() -> ArrivalMapper.ledger(unknownSide));
    assertUnknownSymbol(() -> ArrivalMapper.ledger(unknownType));
    assertThat(
            ArrivalMapper.ledger(
                    clearingLine("pay-1", "e-1", 1, EntryType.PAYMENT, Side.DEBIT, 500, "EUR", DAY))
                .booking())
        .as("positive control")
        .isTrue();
  }

  @Test
  void aLedgerEventWithAnUnknownOutcomeOrEntryTypeIsRefused() {
    LedgerEntryEvent posted = paymentEntry("pay-1", E1, CB1, 500, "EUR", DAY);
    LedgerEntryEvent unknownOutcome =
        LedgerEntryEvent.newBuilder(posted).setOutcome(EntryOutcome.UNKNOWN).build();
    LedgerEntryEvent unknownType =
        LedgerEntryEvent.newBuilder(posted)
            .setEntry(
                JournalEntry.newBuilder(posted.getEntry()).setEntryType(EntryType.UNKNOWN).build())
            .build();

    assertUnknownSymbol(() -> InternalMapper.relevant(unknownOutcome));
    assertUnknownSymbol(() -> InternalMapper.relevant(unknownType));
    assertThat(InternalMapper.relevant(posted)).as("positive control").isTrue();
  }

  private static final String CB1 = "00000000-0000-0000-0000-0000000000c1";
  private static final String E1 = "00000000-0000-0000-0000-0000000000e1";

  private static void assertUnknownSymbol(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    assertThatThrownBy(c)
        .isInstanceOf(InvalidRecordException.class)
        .extracting(e -> ((InvalidRecordException) e).reasonCode())
        .isEqualTo("UNKNOWN_SYMBOL");
  }
}
