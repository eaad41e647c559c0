package com.paystream.recon.support;

import com.paystream.schemas.callbacks.CallbackSource;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.AccountType;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.ledger.JournalEntry;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.Posting;
import com.paystream.schemas.ledger.SourceType;
import com.paystream.schemas.statements.StatementFormat;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

  /** A statement line that says what it is ({@code kind}), as parsers write them since v3. */
  public static StatementLine statementLine(
      String statementId,
      String lineId,
      String reference,
      StatementLineKind kind,
      Side direction,
      long amountMinor,
      String currency,
      LocalDate bookingDate) {
    return StatementLine.newBuilder(
            statementLine(
                statementId, lineId, reference, direction, amountMinor, currency, bookingDate))
        .setKind(kind)
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

  /** A callback as the relay publishes it; {@code callbackId} is a UUID string. */
  public static PaymentCallback callback(
      String paymentId,
      String callbackId,
      PaymentStatus status,
      long amountMinor,
      String currency) {
    return PaymentCallback.newBuilder()
        .setEnvelope(envelope())
        .setCallbackId(UUID.fromString(callbackId))
        .setPaymentId(paymentId)
        .setMerchantId("m-1")
        .setProvider("simulator")
        .setProviderEventId("evt-" + callbackId)
        .setProviderPaymentId(null)
        .setSource(CallbackSource.WEBHOOK)
        .setStatus(status)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .build();
  }

  /**
   * The ledger's POSTED payment entry for {@code callbackId}: debit provider clearing A, credit
   * merchant A - 1% fee, credit fee revenue.
   */
  public static LedgerEntryEvent paymentEntry(
      String paymentId,
      String entryId,
      String callbackId,
      long amountMinor,
      String currency,
      LocalDate effectiveDate) {
    long fee = amountMinor / 100;
    return LedgerEntryEvent.newBuilder()
        .setEnvelope(envelope())
        .setSourceEventId(callbackId)
        .setSourceType(SourceType.CALLBACK)
        .setPaymentId(paymentId)
        .setOutcome(EntryOutcome.POSTED)
        .setEntry(
            JournalEntry.newBuilder()
                .setEntryId(UUID.fromString(entryId))
                .setEntryType(EntryType.PAYMENT)
                .setEffectiveDate(effectiveDate)
                .setBookedAt(Instant.parse("2025-03-14T12:00:00Z"))
                .setDescription("payment " + paymentId)
                .setReversesEntryId(null)
                .setPostings(
                    List.of(
                        posting(
                            "provider-clearing:simulator:" + currency,
                            Side.DEBIT,
                            amountMinor,
                            currency),
                        posting(
                            "merchant:m-1:" + currency, Side.CREDIT, amountMinor - fee, currency),
                        posting("revenue:fees:" + currency, Side.CREDIT, fee, currency)))
                .build())
        .build();
  }

  /** The ledger's confirmation of a callback that moved no money. */
  public static LedgerEntryEvent noFinancialEffect(String paymentId, String callbackId) {
    return LedgerEntryEvent.newBuilder()
        .setEnvelope(envelope())
        .setSourceEventId(callbackId)
        .setSourceType(SourceType.CALLBACK)
        .setPaymentId(paymentId)
        .setOutcome(EntryOutcome.NO_FINANCIAL_EFFECT)
        .setEntry(null)
        .build();
  }

  private static Posting posting(String code, Side side, long amountMinor, String currency) {
    return Posting.newBuilder()
        .setAccountId("acct-" + code)
        .setAccountCode(code)
        .setSide(side)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setBalanceAfterMinor(amountMinor)
        .build();
  }
}
