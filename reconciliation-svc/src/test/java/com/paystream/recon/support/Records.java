package com.paystream.recon.support;

import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.AccountType;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.statements.StatementFormat;
import com.paystream.schemas.statements.StatementLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Contract records for tests, with sensible defaults. */
public final class Records {

  private Records() {}

  public static Envelope envelope() {
    Instant now = Instant.parse("2025-03-15T07:00:00Z");
    return Envelope.newBuilder()
        .setEventId(UUID.randomUUID())
        .setCausationId("test")
        .setOccurredAt(now)
        .setRecordedAt(now)
        .setTraceId("trace-test")
        .build();
  }

  public static StatementLine statementLine(
      String statementId,
      String lineId,
      String reference,
      Side direction,
      long amountMinor,
      String currency,
      LocalDate bookingDate) {
    return StatementLine.newBuilder()
        .setEnvelope(envelope())
        .setStatementId(statementId)
        .setLineId(lineId)
        .setFormat(StatementFormat.PROVIDER_CSV)
        .setAccountReference("provider:simulator")
        .setProvider("simulator")
        .setPaymentReference(reference)
        .setDirection(direction)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setBookingDate(bookingDate)
        .setValueDate(bookingDate)
        .setDescription("")
        .build();
  }

  /** A posting on the simulator's clearing account in {@code currency}. */
  public static CashflowLine clearingLine(
      String paymentId,
      String entryId,
      long sequence,
      EntryType type,
      Side side,
      long amountMinor,
      String currency,
      LocalDate effectiveDate) {
    return cashflowLine(
        "provider-clearing:simulator:" + currency,
        AccountType.ASSET,
        paymentId,
        entryId,
        sequence,
        type,
        side,
        amountMinor,
        currency,
        effectiveDate);
  }

  public static CashflowLine cashflowLine(
      String accountCode,
      AccountType accountType,
      String paymentId,
      String entryId,
      long sequence,
      EntryType type,
      Side side,
      long amountMinor,
      String currency,
      LocalDate effectiveDate) {
    return CashflowLine.newBuilder()
        .setEnvelope(envelope())
        .setAccountId("acct-" + accountCode)
        .setAccountCode(accountCode)
        .setAccountType(accountType)
        .setSequence(sequence)
        .setEntryId(entryId)
        .setEntryType(type)
        .setPaymentId(paymentId)
        .setSide(side)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setBalanceAfterMinor(amountMinor)
        .setEffectiveDate(effectiveDate)
        .setBookedAt(Instant.parse("2025-03-14T12:00:00Z"))
        .build();
  }
}
