package com.paystream.recon.matching.streams;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.matching.LedgerArrival;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.StatementArrival;
import com.paystream.recon.matching.StatementKind;
import com.paystream.recon.matching.SuitePaymentIds;
import com.paystream.recon.matching.clearing.ClearingMove;
import com.paystream.recon.matching.payouts.PayoutLine;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.statements.StatementLineKind;
import java.time.LocalDate;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The contract records turned into matcher input. Which records take part:
 *
 * <ul>
 *   <li>cashflow lines on a provider clearing account ({@code provider-clearing:<provider>:<CUR>})
 *       that name a payment; other accounts are the ledger's own business;
 *   <li>every statement line, classified by its kind before matching: a payout or a fee is matched
 *       alone under {@code settlement:<statement id>/<line id>} and reported as awaiting
 *       settlement, never netted against a payment; any other line is matched under its reference,
 *       or under {@code unreferenced:<statement id>/<line id>} when it has none (money moved that
 *       no record explains: a break for an operator). Which of them can be lost orders the unit
 *       decides (incoming payments naming a payment of this suite).
 * </ul>
 *
 * <p>Lines that name a payout ({@code payout_reference}, StatementLine v4) never enter this first
 * leg: they are the second leg's ({@link #secondLeg}, {@link #payout}), and so are their
 * resolutions ({@link #matcherOf}). The ledger's PROVIDER_SETTLEMENT lines on provider clearing
 * (the payouts it booked, naming no payment) are not matched per payment either.
 *
 * <p>These unit keys never reach a URL: break ids are opaque ({@code BreakIds}), and the line's own
 * reference and statement travel as fields of their own.
 */
final class ArrivalMapper {

  static final String CLEARING_PREFIX = "provider-clearing:";
  static final String UNREFERENCED_PREFIX = "unreferenced:";
  static final String SETTLEMENT_PREFIX = "settlement:";
  private static final String UNKNOWN = "UNKNOWN";
  // Read for every cashflow line: compiled once.
  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

  private ArrivalMapper() {}

  static boolean matchable(CashflowLine line) {
    return line != null
        && line.getAccountCode() != null
        && line.getAccountCode().startsWith(CLEARING_PREFIX)
        && line.getPaymentId() != null
        && !line.getPaymentId().isBlank()
        && line.getEntryType() != EntryType.PROVIDER_SETTLEMENT;
  }

  /**
   * Any line on a provider clearing account, settlements included, that the clearing check can
   * read: it names its account and a currency code. (A malformed line is not rejected here: the
   * matcher's own mapping dead-letters what it cannot read, once.)
   */
  static boolean onClearing(CashflowLine line) {
    return line != null
        && line.getAccountCode() != null
        && line.getAccountCode().startsWith(CLEARING_PREFIX)
        && line.getAccountId() != null
        && !line.getAccountId().isBlank()
        && line.getCurrency() != null
        && CURRENCY_CODE.matcher(line.getCurrency()).matches();
  }

  /** The ledger's balance of the line's clearing account after it. */
  static ClearingMove balance(CashflowLine line) {
    return ClearingMove.balance(
        line.getCurrency(), line.getAccountId(), line.getSequence(), line.getBalanceAfterMinor());
  }

  /** A statement line of the first leg: one that names no payout. */
  static boolean matchable(StatementLine line) {
    return line != null && !secondLeg(line);
  }

  /** A statement line of the second leg: one that names a payout. */
  static boolean secondLeg(StatementLine line) {
    return line != null
        && line.getPayoutReference() != null
        && !line.getPayoutReference().isBlank();
  }

  /**
   * A line naming a payout. A line of our bank account names no provider (the contract's {@code
   * provider} is for provider statements); a line of a payout report does.
   */
  static PayoutLine payout(StatementLine line) {
    requireAmount(line.getAmountMinor(), line.getCurrency());
    if (line.getBookingDate() == null && line.getValueDate() == null) {
      throw new InvalidRecordException("INVALID_DATE", "statement line without booking date");
    }
    Direction direction =
        known(line.getDirection(), "direction") == Side.CREDIT ? Direction.CREDIT : Direction.DEBIT;
    LocalDate booking = line.getBookingDate() != null ? line.getBookingDate() : line.getValueDate();
    return new PayoutLine(
        line.getPayoutReference().strip(),
        hasReference(line) ? line.getPaymentReference() : null,
        line.getProvider() == null || line.getProvider().isBlank(),
        kind(line, direction),
        line.getStatementId(),
        line.getLineId(),
        direction,
        Money.of(line.getAmountMinor(), line.getCurrency()),
        booking,
        line.getValueDate(),
        line.getProvider(),
        line.getEnvelope().getEventId().toString(),
        line.getEnvelope().getTraceId());
  }

  /** The matcher that owns the breaks of a result, and so takes an operator's resolution of it. */
  enum Matcher {
    FIRST_LEG,
    INTERNAL,
    PAYOUTS,
    PAID_OUT
  }

  /**
   * Internal outcomes go to the internal matcher; a result about a payout itself (its unit key is
   * the payout reference) to the payout matcher; leg B's outcomes (per payment) to the paid-out
   * matcher; everything else to the first leg.
   */
  static Matcher matcherOf(ReconResult result) {
    if (result.getOutcome() == null || result.getOutcome() == ReconOutcome.UNKNOWN) {
      return Matcher.FIRST_LEG;
    }
    Outcome outcome = Outcome.valueOf(result.getOutcome().name());
    if (outcome.internal()) {
      return Matcher.INTERNAL;
    }
    String payout = result.getPayoutReference();
    if (payout != null && payout.equals(result.getPaymentReference())) {
      return Matcher.PAYOUTS;
    }
    return outcome.paymentPayoutLeg() ? Matcher.PAID_OUT : Matcher.FIRST_LEG;
  }

  /** The unit a line is matched in. */
  static String reference(StatementLine line, StatementKind kind) {
    String ownLine = line.getStatementId() + "/" + line.getLineId();
    if (kind.settlement()) {
      return SETTLEMENT_PREFIX + ownLine;
    }
    return hasReference(line) ? line.getPaymentReference() : UNREFERENCED_PREFIX + ownLine;
  }

  /**
   * The contract's kind; lines written before it had one (read as {@code UNKNOWN}) were told apart
   * by direction only, credits as payments and debits as refunds, as they were matched then. A
   * bank's code cannot tell a refund from a payout: both are transfers out. So money going out
   * under a payment id of this suite is a refund of that payment, whatever transfer code the bank
   * gave it — unless the bank said fee.
   */
  static StatementKind kind(StatementLine line, Direction direction) {
    StatementLineKind kind = line.getKind();
    if (kind == null || kind == StatementLineKind.UNKNOWN) {
      return direction == Direction.CREDIT ? StatementKind.PAYMENT : StatementKind.REFUND;
    }
    StatementKind said = StatementKind.valueOf(kind.name());
    boolean transferOut =
        direction == Direction.DEBIT
            && (said == StatementKind.PAYOUT || said == StatementKind.OTHER);
    return transferOut && SuitePaymentIds.matches(line.getPaymentReference())
        ? StatementKind.REFUND
        : said;
  }

  private static boolean hasReference(StatementLine line) {
    return line.getPaymentReference() != null && !line.getPaymentReference().isBlank();
  }

  static StatementArrival statement(StatementLine line) {
    requireAmount(line.getAmountMinor(), line.getCurrency());
    if (line.getBookingDate() == null && line.getValueDate() == null) {
      throw new InvalidRecordException("INVALID_DATE", "statement line without booking date");
    }
    Direction direction =
        known(line.getDirection(), "direction") == Side.CREDIT ? Direction.CREDIT : Direction.DEBIT;
    StatementKind kind = kind(line, direction);
    return new StatementArrival(
        reference(line, kind),
        hasReference(line) ? line.getPaymentReference() : null,
        kind,
        line.getStatementId(),
        line.getLineId(),
        direction,
        Money.of(line.getAmountMinor(), line.getCurrency()),
        line.getBookingDate() != null ? line.getBookingDate() : line.getValueDate(),
        line.getProvider(),
        line.getEnvelope().getEventId().toString(),
        line.getEnvelope().getTraceId());
  }

  static LedgerArrival ledger(CashflowLine line) {
    requireAmount(line.getAmountMinor(), line.getCurrency());
    if (line.getEffectiveDate() == null) {
      throw new InvalidRecordException("INVALID_DATE", "cashflow line without effective date");
    }
    Direction side =
        known(line.getSide(), "side") == Side.DEBIT ? Direction.DEBIT : Direction.CREDIT;
    EntryType entryType = known(line.getEntryType(), "entry_type");
    boolean booking =
        side == Direction.DEBIT
            && (entryType == EntryType.PAYMENT || entryType == EntryType.SUPPLEMENT);
    return new LedgerArrival(
        line.getPaymentId(),
        line.getAccountId(),
        line.getSequence(),
        line.getEntryId(),
        booking,
        side,
        Money.of(line.getAmountMinor(), line.getCurrency()),
        line.getEffectiveDate(),
        provider(line.getAccountCode()),
        line.getEnvelope().getEventId().toString(),
        line.getEnvelope().getTraceId());
  }

  static ManualResolution resolution(ReconResult result) {
    String resolution = result.getResolution();
    if (resolution == null || !resolution.startsWith(Resolutions.MANUAL_PREFIX)) {
      throw new InvalidRecordException(
          "NOT_A_MANUAL_RESOLUTION", "resolution must start with " + Resolutions.MANUAL_PREFIX);
    }
    return new ManualResolution(
        result.getEnvelope().getEventId().toString(),
        result.getBreakId(),
        result.getPaymentReference(),
        resolution.substring(Resolutions.MANUAL_PREFIX.length()));
  }

  /** {@code provider-clearing:<provider>:<CUR>} names the provider. */
  static String provider(String accountCode) {
    String rest = accountCode.substring(CLEARING_PREFIX.length());
    int colon = rest.lastIndexOf(':');
    return colon > 0 ? rest.substring(0, colon) : rest;
  }

  /**
   * {@code symbol}, unless it is the contract's {@code UNKNOWN}: what an older reader makes of a
   * symbol added after it was built. It is never a real value, so the record is dead-lettered
   * rather than matched as if it were one.
   */
  static <E extends Enum<E>> E known(E symbol, String field) {
    if (symbol == null || symbol.name().equals(UNKNOWN)) {
      throw new InvalidRecordException(
          "UNKNOWN_SYMBOL",
          field + " is a symbol this reader does not know (read as " + symbol + ")");
    }
    return symbol;
  }

  static void requireAmount(long amountMinor, String currency) {
    if (amountMinor <= 0) {
      throw new InvalidRecordException(
          "INVALID_AMOUNT", "amount must be positive minor units, was " + amountMinor);
    }
    try {
      if (currency == null || currency.length() != 3) {
        throw new IllegalArgumentException();
      }
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(
          "INVALID_CURRENCY", "not an ISO 4217 currency code: " + currency);
    }
  }
}
