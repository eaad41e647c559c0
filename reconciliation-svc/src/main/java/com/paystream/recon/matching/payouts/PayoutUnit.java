package com.paystream.recon.matching.payouts;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.matching.Leg;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.SettlementOrder;
import com.paystream.recon.matching.StatementKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Leg A: everything known about one payout reference.
 *
 * <p>A <b>provider payout</b> is its payout report (the PAYOUT line giving the net N, and the
 * payment, refund, fee and chargeback lines it is made of) against the bank line(s) that moved the
 * money. The report is complete when its lines net to N (they arrive in any order). Once it is
 * complete and a bank line in its currency is there, the payout settles — exactly once: a {@link
 * SettlementOrder} and PAYOUT_MATCHED when |bank − N| is within the tolerance (the difference
 * booked as fee), else PAYOUT_SHORT / PAYOUT_OVER, open, with the difference unexplained (the bank
 * moved real money, so it settles all the same). A bank line that comes first waits for the report.
 * No bank line by the end of the arrival window (the bank statement of value date + window, due
 * {@code statementCutoff} after that day): PAYOUT_MISSING, closed as LATE_ARRIVAL by the bank line
 * when it comes, which then settles. A further bank line after the payout settled is a DUPLICATE
 * break, never a second settlement.
 *
 * <p>A <b>merchant payout</b> ({@code mpo_…}) has no report: a bank DEBIT confirms it (settlement
 * and MERCHANT_PAYOUT_CONFIRMED, resolved), a bank CREDIT returns it (settlement and
 * MERCHANT_PAYOUT_RETURNED, open until an operator resolves it); each at most once.
 *
 * <p>Not thread-safe; one instance is owned by one stream task at a time.
 */
public final class PayoutUnit {

  /** What the next deadline of a unit is for. */
  public enum DeadlineKind {
    NONE,
    JUDGE,
    FORGET
  }

  /** A line of the report other than the PAYOUT line. */
  record ReportLine(String identity, StatementKind kind, Money signed, LocalDate bookingDate) {}

  /** The report's PAYOUT line: the net N (positive: paid to us) and when it should arrive. */
  record Payout(
      String identity,
      String statementId,
      String lineId,
      Money net,
      LocalDate businessDate,
      LocalDate valueDate,
      String provider) {}

  /** A bank line moving the payout's money (not yet settled, or the one that settled it). */
  record BankLine(
      String identity, String statementId, String lineId, Money signed, LocalDate bookingDate) {}

  /** A break about the payout. */
  record OpenBreak(String breakId, Outcome outcome, LocalDate businessDate, Leg leg) {}

  /** Everything a unit holds, for its codec. */
  record Snapshot(
      String reference,
      List<String> seen,
      List<ReportLine> reportLines,
      Payout payout,
      List<BankLine> bankLines,
      String settledBy,
      String returnedBy,
      OpenBreak openBreak,
      List<OpenBreak> extraBreaks,
      int breakSeq,
      long emissions,
      long deadlineMs,
      DeadlineKind deadlineKind,
      String traceId) {
    Snapshot {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(deadlineKind, "deadlineKind");
      seen = List.copyOf(seen);
      reportLines = List.copyOf(reportLines);
      bankLines = List.copyOf(bankLines);
      extraBreaks = List.copyOf(extraBreaks);
    }
  }

  private final String reference;
  private final TreeSet<String> seen;
  private final List<ReportLine> reportLines;
  private Payout payout;
  private final List<BankLine> bankLines;
  // The bank line that settled the payout (confirmed a merchant payout); null until then.
  private String settledBy;
  // The bank line that returned a merchant payout; null until then.
  private String returnedBy;
  private OpenBreak openBreak;
  private final List<OpenBreak> extraBreaks;
  private int breakSeq;
  private long emissions;
  private long deadlineMs;
  private DeadlineKind deadlineKind;
  private String traceId;

  private PayoutUnit(String reference) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.seen = new TreeSet<>();
    this.reportLines = new ArrayList<>();
    this.bankLines = new ArrayList<>(1);
    this.extraBreaks = new ArrayList<>(0);
    this.deadlineKind = DeadlineKind.NONE;
  }

  private PayoutUnit(Snapshot s) {
    this.reference = s.reference();
    this.seen = new TreeSet<>(s.seen());
    this.reportLines = new ArrayList<>(s.reportLines());
    this.payout = s.payout();
    this.bankLines = new ArrayList<>(s.bankLines());
    this.settledBy = s.settledBy();
    this.returnedBy = s.returnedBy();
    this.openBreak = s.openBreak();
    this.extraBreaks = new ArrayList<>(s.extraBreaks());
    this.breakSeq = s.breakSeq();
    this.emissions = s.emissions();
    this.deadlineMs = s.deadlineMs();
    this.deadlineKind = s.deadlineKind();
    this.traceId = s.traceId();
  }

  public static PayoutUnit empty(String reference) {
    return new PayoutUnit(reference);
  }

  static PayoutUnit restore(Snapshot snapshot) {
    return new PayoutUnit(snapshot);
  }

  Snapshot snapshot() {
    return new Snapshot(
        reference,
        List.copyOf(seen),
        reportLines,
        payout,
        bankLines,
        settledBy,
        returnedBy,
        openBreak,
        extraBreaks,
        breakSeq,
        emissions,
        deadlineMs,
        deadlineKind,
        traceId);
  }

  public String reference() {
    return reference;
  }

  /** When this unit must next be looked at, or 0 when never. */
  public long deadlineMs() {
    return deadlineKind == DeadlineKind.NONE ? 0 : deadlineMs;
  }

  public boolean settled() {
    return settledBy != null;
  }

  // ---------------------------------------------------------------------------------------------
  // Arrivals

  /** Takes one line into account at wall-clock time {@code nowMs}. */
  public Decision accept(PayoutLine line, long nowMs, PayoutRules rules) {
    if (!line.payoutReference().equals(reference)) {
      throw new IllegalArgumentException(
          "line of payout " + line.payoutReference() + " given to the unit of " + reference);
    }
    if (!seen.add(line.identity())) {
      return Decision.unchanged();
    }
    if (!line.traceId().isEmpty()) {
      traceId = line.traceId();
    }
    if (line.merchantPayout()) {
      return merchantPayout(line, nowMs, rules);
    }
    if (!line.bank()) {
      return reportLine(line, nowMs, rules);
    }
    if (settled()) {
      return new Decision(List.of(duplicate(line)), false, true);
    }
    bankLines.add(bankLine(line));
    return evaluate(line, nowMs, rules);
  }

  private Decision reportLine(PayoutLine line, long nowMs, PayoutRules rules) {
    if (line.payoutLine()) {
      if (payout != null) {
        return new Decision(List.of(duplicate(line)), false, true);
      }
      // The PAYOUT line moves the net away from the provider's account: DEBIT for N >= 0.
      payout =
          new Payout(
              line.identity(),
              line.statementId(),
              line.lineId(),
              line.signed().negate(),
              line.bookingDate(),
              line.valueDate(),
              line.provider());
    } else {
      reportLines.add(
          new ReportLine(line.identity(), line.kind(), line.signed(), line.bookingDate()));
    }
    if (settled()) {
      // A line of a report already settled: its sums were complete without it, so it is kept
      // (a re-delivery is recognised) and changes nothing.
      return new Decision(List.of(), false, true);
    }
    return evaluate(line, nowMs, rules);
  }

  private static BankLine bankLine(PayoutLine line) {
    return new BankLine(
        line.identity(), line.statementId(), line.lineId(), line.signed(), line.bookingDate());
  }

  /** Settles when it can, else (re)arms the deadline of the arrival window. */
  private Decision evaluate(PayoutLine trigger, long nowMs, PayoutRules rules) {
    if (reportComplete() && bankTotal().isPresent()) {
      return settle(trigger, nowMs, rules);
    }
    judgeAt(rules.missingDeadline(expectedBy(), nowMs));
    return new Decision(List.of(), false, true);
  }

  /** The value date the money is due by: the report's, else the earliest line's date. */
  private LocalDate expectedBy() {
    if (payout != null) {
      return payout.valueDate();
    }
    LocalDate earliest = null;
    for (ReportLine line : reportLines) {
      earliest = min(earliest, line.bookingDate());
    }
    for (BankLine line : bankLines) {
      earliest = min(earliest, line.bookingDate());
    }
    return earliest;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** The report is complete when its lines net to the PAYOUT line's net. */
  private boolean reportComplete() {
    if (payout == null) {
      return false;
    }
    long sum = 0;
    for (ReportLine line : reportLines) {
      if (!line.signed().currencyCode().equals(payout.net().currencyCode())) {
        return false;
      }
      sum = Math.addExact(sum, line.signed().minor());
    }
    return sum == payout.net().minor();
  }

  /** What the bank lines in the payout's currency moved, empty when there is none. */
  private java.util.Optional<Money> bankTotal() {
    String currency = currency();
    Money total = null;
    for (BankLine line : bankLines) {
      if (line.signed().currencyCode().equals(currency)) {
        total = total == null ? line.signed() : total.plus(line.signed());
      }
    }
    return java.util.Optional.ofNullable(total);
  }

  private String currency() {
    if (payout != null) {
      return payout.net().currencyCode();
    }
    if (!reportLines.isEmpty()) {
      return reportLines.get(0).signed().currencyCode();
    }
    return bankLines.get(0).signed().currencyCode();
  }

  private Decision settle(PayoutLine trigger, long nowMs, PayoutRules rules) {
    String currency = currency();
    long bank = bankTotal().orElseThrow().minor();
    long net = payout.net().minor();
    long difference = Math.subtractExact(bank, net);
    boolean tolerated = rules.withinTolerance(currency, difference);
    Leg leg = Leg.of(currency, bank, net);
    BankLine first = firstBankLine(currency);
    List<ReconEvent> events = new ArrayList<>(2);
    String settlementBreak = null;
    if (openBreak != null) {
      settlementBreak = openBreak.breakId();
      events.add(event(openBreak, leg, BreakState.RESOLVED, Resolutions.LATE_ARRIVAL, trigger));
      openBreak = null;
    }
    if (!tolerated) {
      Outcome outcome = difference < 0 ? Outcome.PAYOUT_SHORT : Outcome.PAYOUT_OVER;
      openBreak = new OpenBreak(nextBreakId(), outcome, payout.businessDate(), leg);
      settlementBreak = openBreak.breakId();
      events.add(event(openBreak, leg, BreakState.OPEN, null, trigger));
    } else if (settlementBreak == null) {
      OpenBreak match =
          new OpenBreak(nextBreakId(), Outcome.PAYOUT_MATCHED, payout.businessDate(), leg);
      settlementBreak = match.breakId();
      events.add(event(match, leg, BreakState.RESOLVED, null, trigger));
    }
    settledBy = first.identity();
    Sums sums = sums();
    SettlementOrder order =
        new SettlementOrder(
            reference,
            SettlementOrder.Kind.PROVIDER_PAYOUT,
            payout.provider(),
            currency,
            payout.businessDate(),
            first.bookingDate(),
            bank,
            sums.payments,
            sums.refunds,
            sums.fees,
            sums.chargebacks,
            tolerated ? difference : 0,
            tolerated ? 0 : difference,
            reportLines.size(),
            first.statementId(),
            first.lineId(),
            settlementBreak,
            trigger.causationId(),
            traceOf(trigger));
    forgetLater(nowMs, rules);
    return new Decision(events, false, true, List.of(order));
  }

  private BankLine firstBankLine(String currency) {
    for (BankLine line : bankLines) {
      if (line.signed().currencyCode().equals(currency)) {
        return line;
      }
    }
    throw new IllegalStateException("no bank line in " + currency + " for " + reference);
  }

  /** The report's sums per kind, each positive in its usual direction. */
  private Sums sums() {
    Sums sums = new Sums();
    for (ReportLine line : reportLines) {
      long signed = line.signed().minor();
      switch (line.kind()) {
        case PAYMENT -> sums.payments = Math.addExact(sums.payments, signed);
        case REFUND -> sums.refunds = Math.subtractExact(sums.refunds, signed);
        case CHARGEBACK -> sums.chargebacks = Math.subtractExact(sums.chargebacks, signed);
        // Fees, and any other adjustment the provider makes, are the provider's charge.
        default -> sums.fees = Math.subtractExact(sums.fees, signed);
      }
    }
    return sums;
  }

  private static final class Sums {
    long payments;
    long refunds;
    long fees;
    long chargebacks;
  }

  /**
   * What this payout will take off provider clearing once it settles, per currency: the payment and
   * refund lines of its report (what the ledger's settlement credits clearing with), while it has
   * not settled; nothing once it has (the ledger's booking took it off), and nothing for a merchant
   * payout. A report line that comes after its payout settled is in no settlement: it stays a
   * difference in the clearing check.
   */
  public Map<String, Long> clearingShares() {
    if (settled()) {
      return Map.of();
    }
    Map<String, Long> shares = new TreeMap<>();
    for (ReportLine line : reportLines) {
      if (line.kind() == StatementKind.PAYMENT || line.kind() == StatementKind.REFUND) {
        shares.merge(line.signed().currencyCode(), line.signed().minor(), Math::addExact);
      }
    }
    return shares;
  }

  /** A bank line confirming or returning a merchant payout, each settled at most once. */
  private Decision merchantPayout(PayoutLine line, long nowMs, PayoutRules rules) {
    if (!line.bank()) {
      // A merchant payout has no report; a provider's line naming one is not ours to settle.
      return new Decision(List.of(duplicate(line)), false, true);
    }
    boolean confirms = line.direction() == Direction.DEBIT;
    if (confirms ? settledBy != null : returnedBy != null) {
      return new Decision(List.of(duplicate(line)), false, true);
    }
    Leg leg = Leg.of(line.amount().currencyCode(), line.signed().minor(), null);
    OpenBreak subject =
        new OpenBreak(
            nextBreakId(),
            confirms ? Outcome.MERCHANT_PAYOUT_CONFIRMED : Outcome.MERCHANT_PAYOUT_RETURNED,
            line.bookingDate(),
            leg);
    bankLines.add(bankLine(line));
    ReconEvent event;
    if (confirms) {
      settledBy = line.identity();
      event = event(subject, leg, BreakState.RESOLVED, null, line);
    } else {
      returnedBy = line.identity();
      // The payout's own break (a returned payout) stays open until an operator resolves it.
      if (openBreak == null) {
        openBreak = subject;
      } else {
        extraBreaks.add(subject);
      }
      event = event(subject, leg, BreakState.OPEN, null, line);
    }
    SettlementOrder order =
        new SettlementOrder(
            reference,
            confirms
                ? SettlementOrder.Kind.MERCHANT_PAYOUT_CONFIRMED
                : SettlementOrder.Kind.MERCHANT_PAYOUT_RETURNED,
            null,
            line.amount().currencyCode(),
            line.bookingDate(),
            line.bookingDate(),
            line.signed().minor(),
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            line.statementId(),
            line.lineId(),
            subject.breakId(),
            line.causationId(),
            traceOf(line));
    forgetLater(nowMs, rules);
    return new Decision(List.of(event), false, true, List.of(order));
  }

  /** A line the payout already has the counterpart of: a break of its own, never settled. */
  private ReconEvent duplicate(PayoutLine line) {
    Leg leg = Leg.of(line.amount().currencyCode(), line.signed().minor(), null);
    OpenBreak duplicate = new OpenBreak(nextBreakId(), Outcome.DUPLICATE, line.bookingDate(), leg);
    extraBreaks.add(duplicate);
    return event(duplicate, leg, BreakState.OPEN, null, line);
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines

  /** The deadline passed at wall-clock time {@code nowMs}: judge the unit, or forget it. */
  public Decision expire(long nowMs, PayoutRules rules) {
    DeadlineKind kind = deadlineKind;
    clearDeadline();
    if (kind == DeadlineKind.FORGET) {
      boolean idle = openBreak == null && extraBreaks.isEmpty();
      return new Decision(List.of(), idle, true);
    }
    if (kind == DeadlineKind.NONE || settled()) {
      return Decision.unchanged();
    }
    return new Decision(judge(nowMs), false, true);
  }

  /**
   * Not settled by the end of the window: PAYOUT_MISSING without a bank line; with one (whose
   * report never completed), PAYOUT_SHORT or PAYOUT_OVER by how it differs from what the report
   * says so far.
   */
  private List<ReconEvent> judge(long nowMs) {
    String currency = currency();
    Long bank = bankTotal().map(Money::minor).orElse(null);
    Long expected = expected();
    long difference = (bank == null ? 0 : bank) - (expected == null ? 0 : expected);
    Outcome outcome =
        bank == null
            ? Outcome.PAYOUT_MISSING
            : difference < 0 ? Outcome.PAYOUT_SHORT : Outcome.PAYOUT_OVER;
    Leg leg = Leg.of(currency, bank, expected);
    LocalDate date = payout != null ? payout.businessDate() : expectedBy();
    if (openBreak != null && openBreak.outcome() == outcome && openBreak.leg().equals(leg)) {
      return List.of();
    }
    openBreak =
        openBreak == null
            ? new OpenBreak(nextBreakId(), outcome, date, leg)
            : new OpenBreak(openBreak.breakId(), outcome, openBreak.businessDate(), leg);
    return List.of(
        new ReconEvent(
            nextEventId(),
            openBreak.breakId(),
            reference,
            outcome,
            BreakState.OPEN,
            null,
            openBreak.businessDate(),
            leg,
            payout == null ? null : payout.lineId(),
            null,
            payout == null ? null : payout.provider(),
            "deadline:" + nowMs,
            traceId == null ? "" : traceId,
            null,
            payout == null ? null : payout.statementId(),
            null,
            reference));
  }

  /** The net the report says, or what its lines net to while it has no PAYOUT line; null: none. */
  private Long expected() {
    if (payout != null) {
      return payout.net().minor();
    }
    if (reportLines.isEmpty()) {
      return null;
    }
    long sum = 0;
    for (ReportLine line : reportLines) {
      sum = Math.addExact(sum, line.signed().minor());
    }
    return sum;
  }

  private void judgeAt(long dueMs) {
    deadlineMs = dueMs;
    deadlineKind = DeadlineKind.JUDGE;
  }

  private void forgetLater(long nowMs, PayoutRules rules) {
    deadlineMs = rules.forgetAt(nowMs);
    deadlineKind = DeadlineKind.FORGET;
  }

  private void clearDeadline() {
    deadlineMs = 0;
    deadlineKind = DeadlineKind.NONE;
  }

  // ---------------------------------------------------------------------------------------------
  // Manual resolution

  /**
   * An operator closes {@code breakId}. A payout that is missing stays unsettled: its bank line,
   * should it come after all, still settles it. Not applied when the break is not open here.
   */
  public Decision resolve(
      String breakId, String reason, String causationId, long nowMs, PayoutRules rules) {
    String resolution = Resolutions.manual(reason);
    OpenBreak closing = null;
    if (openBreak != null && openBreak.breakId().equals(breakId)) {
      closing = openBreak;
      openBreak = null;
    } else {
      for (OpenBreak extra : extraBreaks) {
        if (extra.breakId().equals(breakId)) {
          closing = extra;
        }
      }
      if (closing == null) {
        return Decision.unchanged();
      }
      extraBreaks.remove(closing);
    }
    ReconEvent event =
        new ReconEvent(
            nextEventId(),
            closing.breakId(),
            reference,
            closing.outcome(),
            BreakState.RESOLVED,
            resolution,
            closing.businessDate(),
            closing.leg(),
            payout == null ? null : payout.lineId(),
            null,
            payout == null ? null : payout.provider(),
            causationId,
            traceId == null ? "" : traceId,
            null,
            payout == null ? null : payout.statementId(),
            null,
            reference);
    forgetLater(nowMs, rules);
    return new Decision(List.of(event), false, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private ReconEvent event(
      OpenBreak subject, Leg leg, BreakState state, String resolution, PayoutLine line) {
    return new ReconEvent(
        nextEventId(),
        subject.breakId(),
        reference,
        subject.outcome(),
        state,
        resolution,
        subject.businessDate(),
        leg,
        line.lineId(),
        null,
        line.provider() != null ? line.provider() : payout == null ? null : payout.provider(),
        line.causationId(),
        traceOf(line),
        null,
        line.statementId(),
        line.paymentReference(),
        reference);
  }

  private String traceOf(PayoutLine line) {
    return line.traceId().isEmpty() && traceId != null ? traceId : line.traceId();
  }

  /**
   * Opaque and URL-safe; its natural key {@code <payout reference>:a<n>} is unique per unit (leg
   * A).
   */
  private String nextBreakId() {
    breakSeq++;
    return BreakIds.of(reference + ":a" + breakSeq);
  }

  /** Same history, same ids: a result re-derived after a crash carries the id it had. */
  private String nextEventId() {
    emissions++;
    byte[] name = ("payout|" + reference + "|" + emissions).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  @Override
  public String toString() {
    return "PayoutUnit["
        + reference
        + ", settled="
        + settled()
        + ", open="
        + (openBreak == null ? "none" : openBreak.outcome())
        + ", deadline="
        + deadlineKind
        + "@"
        + deadlineMs
        + "]";
  }
}
