package com.paystream.recon.matching.payouts;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.LedgerArrival;
import com.paystream.recon.matching.Leg;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.StatementKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Leg B: one payment reference's movements on provider clearing (the ledger's cashflow lines that
 * name it) against the payout lines that name it (its payment and refund lines, in whichever
 * payouts they came), compared by net amount like the first leg.
 *
 * <p>They agree (within the tolerance): PAID_OUT. They do not: after a grace, a break —
 * NOT_PAID_OUT (booked, and no payout contained it {@code notPaidOutAfter} after the end of its
 * booking date), PAYOUT_LINE_UNKNOWN (a payout line the books never saw, {@code unknownLineGrace}
 * after it came) or PAYOUT_LINE_MISMATCH (both, differing). A later arrival that makes them agree
 * closes the break (LATE_ARRIVAL): the lost order recovered, the payout that contained the payment
 * at last. A chargeback line is a CHARGEBACK break of its own at once (the books have not booked
 * it; an operator does), outside the comparison.
 *
 * <p>Not thread-safe; one instance is owned by one stream task at a time.
 */
public final class PaidOutUnit {

  /** What the next deadline of a unit is for. */
  public enum DeadlineKind {
    NONE,
    JUDGE,
    FORGET
  }

  /** A counted line: a payout line ({@code payout} true) or a clearing movement. */
  record Item(String identity, boolean payout, Money signed, String sourceId) {}

  /** A break of this payment. */
  record OpenBreak(String breakId, Outcome outcome, LocalDate businessDate, Leg leg) {}

  /** Everything a unit holds, for its codec. */
  record Snapshot(
      String reference,
      List<Item> items,
      List<String> chargebacks,
      LocalDate businessDate,
      boolean dateFromLedger,
      String provider,
      String payoutReference,
      String lastStatementId,
      String lastLineId,
      String lastEntryId,
      String traceId,
      boolean paidOut,
      OpenBreak openBreak,
      List<OpenBreak> extraBreaks,
      int breakSeq,
      long emissions,
      long deadlineMs,
      DeadlineKind deadlineKind) {
    Snapshot {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(deadlineKind, "deadlineKind");
      items = List.copyOf(items);
      chargebacks = List.copyOf(chargebacks);
      extraBreaks = List.copyOf(extraBreaks);
    }
  }

  private final String reference;
  private final List<Item> items;
  // Identities of the chargeback lines seen (their breaks are in extraBreaks while open).
  private final List<String> chargebacks;
  private LocalDate businessDate;
  private boolean dateFromLedger;
  private String provider;
  private String payoutReference;
  private String lastStatementId;
  private String lastLineId;
  private String lastEntryId;
  private String traceId;
  private boolean paidOut;
  private OpenBreak openBreak;
  private final List<OpenBreak> extraBreaks;
  private int breakSeq;
  private long emissions;
  private long deadlineMs;
  private DeadlineKind deadlineKind;

  private PaidOutUnit(String reference) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.items = new ArrayList<>(2);
    this.chargebacks = new ArrayList<>(0);
    this.extraBreaks = new ArrayList<>(0);
    this.deadlineKind = DeadlineKind.NONE;
  }

  private PaidOutUnit(Snapshot s) {
    this.reference = s.reference();
    this.items = new ArrayList<>(s.items());
    this.chargebacks = new ArrayList<>(s.chargebacks());
    this.businessDate = s.businessDate();
    this.dateFromLedger = s.dateFromLedger();
    this.provider = s.provider();
    this.payoutReference = s.payoutReference();
    this.lastStatementId = s.lastStatementId();
    this.lastLineId = s.lastLineId();
    this.lastEntryId = s.lastEntryId();
    this.traceId = s.traceId();
    this.paidOut = s.paidOut();
    this.openBreak = s.openBreak();
    this.extraBreaks = new ArrayList<>(s.extraBreaks());
    this.breakSeq = s.breakSeq();
    this.emissions = s.emissions();
    this.deadlineMs = s.deadlineMs();
    this.deadlineKind = s.deadlineKind();
  }

  public static PaidOutUnit empty(String reference) {
    return new PaidOutUnit(reference);
  }

  static PaidOutUnit restore(Snapshot snapshot) {
    return new PaidOutUnit(snapshot);
  }

  Snapshot snapshot() {
    return new Snapshot(
        reference,
        items,
        chargebacks,
        businessDate,
        dateFromLedger,
        provider,
        payoutReference,
        lastStatementId,
        lastLineId,
        lastEntryId,
        traceId,
        paidOut,
        openBreak,
        extraBreaks,
        breakSeq,
        emissions,
        deadlineMs,
        deadlineKind);
  }

  public String reference() {
    return reference;
  }

  /** When this unit must next be looked at, or 0 when never. */
  public long deadlineMs() {
    return deadlineKind == DeadlineKind.NONE ? 0 : deadlineMs;
  }

  // ---------------------------------------------------------------------------------------------
  // Arrivals

  /** A movement of the payment on provider clearing. */
  public Decision accept(LedgerArrival line, long nowMs, PayoutRules rules) {
    requireOwn(line.reference());
    if (seen(line.identity())) {
      return Decision.unchanged();
    }
    items.add(new Item(line.identity(), false, line.signed(), line.entryId()));
    lastEntryId = line.entryId();
    if (!line.traceId().isEmpty()) {
      traceId = line.traceId();
    }
    if (!dateFromLedger) {
      businessDate = line.effectiveDate();
      dateFromLedger = true;
    }
    if (provider == null) {
      provider = line.provider();
    }
    // A booking expects the payout that contains it, however many payouts already named the
    // payment (a refund booked later is paid out, netted, in a later payout).
    long due = rules.notPaidOutDeadline(line.effectiveDate(), nowMs);
    return evaluate(line.causationId(), line.traceId(), due, nowMs, rules);
  }

  /** A payout line naming the payment: a payment or refund line, or a chargeback. */
  public Decision accept(PayoutLine line, long nowMs, PayoutRules rules) {
    requireOwn(line.paymentReference());
    if (seen(line.identity()) || chargebacks.contains(line.identity())) {
      return Decision.unchanged();
    }
    payoutReference = line.payoutReference();
    lastStatementId = line.statementId();
    lastLineId = line.lineId();
    if (line.provider() != null) {
      provider = line.provider();
    }
    if (businessDate == null) {
      businessDate = line.bookingDate();
    }
    if (line.kind() == StatementKind.CHARGEBACK) {
      chargebacks.add(line.identity());
      Leg leg = Leg.of(line.amount().currencyCode(), line.signed().minor(), null);
      OpenBreak chargeback =
          new OpenBreak(nextBreakId(), Outcome.CHARGEBACK, line.bookingDate(), leg);
      extraBreaks.add(chargeback);
      return new Decision(
          List.of(
              event(chargeback, BreakState.OPEN, null, leg, line.causationId(), line.traceId())),
          false,
          true);
    }
    items.add(new Item(line.identity(), true, line.signed(), line.lineId()));
    return evaluate(
        line.causationId(), line.traceId(), rules.unknownLineDeadline(nowMs), nowMs, rules);
  }

  private void requireOwn(String reference) {
    if (!this.reference.equals(reference)) {
      throw new IllegalArgumentException(
          "line of " + reference + " given to the unit of " + this.reference);
    }
  }

  private boolean seen(String identity) {
    for (Item item : items) {
      if (item.identity().equals(identity)) {
        return true;
      }
    }
    return false;
  }

  private Decision evaluate(
      String causationId, String trace, long dueMs, long nowMs, PayoutRules rules) {
    List<ReconEvent> events = new ArrayList<>(1);
    if (agrees(rules)) {
      if (openBreak != null) {
        close(events, Resolutions.LATE_ARRIVAL, causationId, trace);
      } else if (count(true) > 0 && !paidOut) {
        OpenBreak match = new OpenBreak(nextBreakId(), Outcome.PAID_OUT, businessDate, leg());
        events.add(event(match, BreakState.RESOLVED, null, match.leg(), causationId, trace));
      }
      paidOut = count(true) > 0;
      forgetLater(nowMs, rules);
      return new Decision(events, false, true);
    }
    paidOut = false;
    if (openBreak != null && !stillDescribes(openBreak.outcome())) {
      close(events, Resolutions.LATE_ARRIVAL, causationId, trace);
    }
    deadlineMs = dueMs;
    deadlineKind = DeadlineKind.JUDGE;
    return new Decision(events, false, true);
  }

  private boolean stillDescribes(Outcome outcome) {
    return switch (outcome) {
      case NOT_PAID_OUT -> count(true) == 0;
      case PAYOUT_LINE_UNKNOWN -> count(false) == 0;
      default -> true;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines

  /** The deadline passed at wall-clock time {@code nowMs}: judge the unit, or forget it. */
  public Decision expire(long nowMs, PayoutRules rules) {
    DeadlineKind kind = deadlineKind;
    deadlineMs = 0;
    deadlineKind = DeadlineKind.NONE;
    if (kind == DeadlineKind.FORGET) {
      return new Decision(List.of(), openBreak == null && extraBreaks.isEmpty(), true);
    }
    if (kind == DeadlineKind.NONE || agrees(rules)) {
      return Decision.unchanged();
    }
    Leg leg = leg();
    Outcome outcome =
        count(true) == 0
            ? Outcome.NOT_PAID_OUT
            : count(false) == 0 ? Outcome.PAYOUT_LINE_UNKNOWN : Outcome.PAYOUT_LINE_MISMATCH;
    if (openBreak != null && openBreak.outcome() == outcome && openBreak.leg().equals(leg)) {
      return Decision.unchanged();
    }
    openBreak =
        openBreak == null
            ? new OpenBreak(nextBreakId(), outcome, businessDate, leg)
            : new OpenBreak(openBreak.breakId(), outcome, openBreak.businessDate(), leg);
    return new Decision(
        List.of(event(openBreak, BreakState.OPEN, null, leg, "deadline:" + nowMs, "")),
        false,
        true);
  }

  private void forgetLater(long nowMs, PayoutRules rules) {
    deadlineMs = rules.forgetAt(nowMs);
    deadlineKind = DeadlineKind.FORGET;
  }

  // ---------------------------------------------------------------------------------------------
  // Manual resolution

  /**
   * An operator closes {@code breakId}: the difference it showed is accepted as it stands (a later
   * line is judged again). Not applied when the break is not open here.
   */
  public Decision resolve(
      String breakId, String reason, String causationId, long nowMs, PayoutRules rules) {
    String resolution = Resolutions.manual(reason);
    for (OpenBreak extra : extraBreaks) {
      if (extra.breakId().equals(breakId)) {
        extraBreaks.remove(extra);
        return new Decision(
            List.of(event(extra, BreakState.RESOLVED, resolution, extra.leg(), causationId, "")),
            false,
            true);
      }
    }
    if (openBreak == null || !openBreak.breakId().equals(breakId)) {
      return Decision.unchanged();
    }
    List<ReconEvent> events = new ArrayList<>(1);
    close(events, resolution, causationId, "");
    forgetLater(nowMs, rules);
    return new Decision(events, false, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Netting

  private boolean agrees(PayoutRules rules) {
    String currency = currency();
    long difference = Math.subtractExact(net(true), net(false));
    return sameCurrency() && rules.withinTolerance(currency, difference);
  }

  private boolean sameCurrency() {
    String currency = currency();
    for (Item item : items) {
      if (!item.signed().currencyCode().equals(currency)) {
        return false;
      }
    }
    return true;
  }

  private String currency() {
    return items.isEmpty() ? "XXX" : items.get(0).signed().currencyCode();
  }

  private long net(boolean payout) {
    long net = 0;
    for (Item item : items) {
      if (item.payout() == payout) {
        net = Math.addExact(net, item.signed().minor());
      }
    }
    return net;
  }

  private int count(boolean payout) {
    int count = 0;
    for (Item item : items) {
      if (item.payout() == payout) {
        count++;
      }
    }
    return count;
  }

  /** Payout lines' net as the statement side, clearing's net as the internal side. */
  private Leg leg() {
    return Leg.of(
        currency(), count(true) > 0 ? net(true) : null, count(false) > 0 ? net(false) : null);
  }

  /**
   * This payment's share of provider clearing not yet paid out, per currency: its booked clearing
   * movements minus the payout lines naming it (chargebacks are outside: the books have not booked
   * them). A unit that is forgotten keeps its share in the clearing check.
   */
  public Map<String, Long> clearingShares() {
    Map<String, Long> shares = new TreeMap<>();
    for (Item item : items) {
      long minor = item.payout() ? Math.negateExact(item.signed().minor()) : item.signed().minor();
      shares.merge(item.signed().currencyCode(), minor, Math::addExact);
    }
    return shares;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private void close(List<ReconEvent> events, String resolution, String causationId, String trace) {
    Leg leg = items.isEmpty() ? openBreak.leg() : leg();
    events.add(event(openBreak, BreakState.RESOLVED, resolution, leg, causationId, trace));
    openBreak = null;
  }

  private ReconEvent event(
      OpenBreak subject,
      BreakState state,
      String resolution,
      Leg leg,
      String causationId,
      String trace) {
    return new ReconEvent(
        nextEventId(),
        subject.breakId(),
        reference,
        subject.outcome(),
        state,
        resolution,
        subject.businessDate() == null ? businessDate : subject.businessDate(),
        leg,
        lastLineId,
        lastEntryId,
        provider,
        causationId,
        traceId != null ? traceId : trace == null ? "" : trace,
        null,
        lastStatementId,
        null,
        payoutReference);
  }

  /**
   * Opaque and URL-safe; its natural key {@code <payment>:b<n>} (leg B) never meets the first leg's
   * {@code <payment>:<n>} nor the internal {@code <payment>:i<n>} of the same payment.
   */
  private String nextBreakId() {
    breakSeq++;
    return BreakIds.of(reference + ":b" + breakSeq);
  }

  private String nextEventId() {
    emissions++;
    byte[] name = ("paid-out|" + reference + "|" + emissions).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  @Override
  public String toString() {
    return "PaidOutUnit["
        + reference
        + ", items="
        + items.size()
        + ", open="
        + (openBreak == null ? "none" : openBreak.outcome())
        + ", deadline="
        + deadlineKind
        + "@"
        + deadlineMs
        + "]";
  }
}
