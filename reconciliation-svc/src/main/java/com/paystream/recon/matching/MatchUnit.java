package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Everything reconciliation knows about one payment reference: the statement lines and ledger lines
 * seen for it, the break that is open, and when it must next be judged.
 *
 * <p>The two sides are compared by their <em>net</em> amount per currency (money towards us minus
 * money away from us), not line by line: the ledger corrects itself with reversals and amendments
 * (a payment booked at 100, reversed and re-booked at 120 nets to 120), and the statement shows
 * what the money really did. They agree when every currency nets to the same amount within the
 * tolerance.
 *
 * <p>A unit that does not agree is not judged at once: the side that is missing is owed time. A
 * statement line waits {@code lostOrderGrace} for its booking (callbacks are real time); a ledger
 * line waits until its statement is due plus {@code missingGrace}. The latest arrival sets the
 * deadline. When the deadline passes and the unit still disagrees, the break is opened: LOST_ORDER
 * (no ledger line at all), MISSING_IN_STATEMENT (no statement line at all) or AMOUNT_MISMATCH
 * (both, differing; a currency mismatch is one). A later arrival that makes the unit agree closes
 * that break (LATE_ARRIVAL).
 *
 * <p>Duplicates are not netted: a statement CREDIT equal to one already counted (same amount and
 * currency, another line id), or a second booking of the payment in the ledger, opens a DUPLICATE
 * break at once; an operator resolves it.
 *
 * <p>Not thread-safe; one instance is owned by one stream task at a time.
 */
public final class MatchUnit {

  /** What the next deadline of a unit is for. */
  public enum DeadlineKind {
    NONE,
    /** Judge the unit: open (or update) its break if it still disagrees. */
    JUDGE,
    /** Forget a unit that agreed and has nothing open. */
    FORGET
  }

  /** A line counted (or set aside as a duplicate) in this unit. */
  record Item(
      String identity,
      boolean statement,
      Money signed,
      boolean booking,
      String sourceId,
      boolean duplicate,
      boolean incomingPayment) {}

  /** A break that is open. Its business date never changes once it is reported. */
  record OpenBreak(String breakId, Outcome outcome, LocalDate businessDate, List<Leg> legs) {
    OpenBreak {
      legs = List.copyOf(legs);
    }

    OpenBreak withLegs(List<Leg> newLegs) {
      return new OpenBreak(breakId, outcome, businessDate, newLegs);
    }
  }

  /**
   * Everything a unit holds, for its codec. {@code deadlineMs} is the raw deadline, kept even when
   * the kind is NONE.
   */
  record Snapshot(
      String reference,
      List<Item> items,
      Map<String, Long> acknowledged,
      LocalDate businessDate,
      boolean dateFromStatement,
      String provider,
      String lastLineId,
      String lastStatementId,
      String lastStatementReference,
      String lastEntryId,
      String ledgerTraceId,
      long deadlineMs,
      DeadlineKind deadlineKind,
      int breakSeq,
      long emissions,
      boolean matched,
      OpenBreak openBreak,
      List<OpenBreak> openDuplicates) {

    Snapshot {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(deadlineKind, "deadlineKind");
      items = List.copyOf(items);
      acknowledged = Collections.unmodifiableSortedMap(new TreeMap<>(acknowledged));
      openDuplicates = List.copyOf(openDuplicates);
    }
  }

  private final String reference;
  private final List<Item> items;
  private final TreeMap<String, Long> acknowledged;
  private LocalDate businessDate;
  private boolean dateFromStatement;
  private String provider;
  private String lastLineId;
  private String lastStatementId;
  private String lastStatementReference;
  private String lastEntryId;
  // The trace of the latest ledger line that named one: every result about this unit carries it,
  // whichever side's arrival or deadline produced the result (see traceOf).
  private String ledgerTraceId;
  private long deadlineMs;
  private DeadlineKind deadlineKind;
  private int breakSeq;
  private long emissions;
  private boolean matched;
  private OpenBreak openBreak;
  private final List<OpenBreak> openDuplicates;

  private MatchUnit(String reference) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.items = new ArrayList<>(2);
    this.acknowledged = new TreeMap<>();
    this.deadlineKind = DeadlineKind.NONE;
    this.openDuplicates = new ArrayList<>(0);
  }

  private MatchUnit(Snapshot snapshot) {
    this.reference = snapshot.reference();
    this.items = new ArrayList<>(snapshot.items());
    this.acknowledged = new TreeMap<>(snapshot.acknowledged());
    this.businessDate = snapshot.businessDate();
    this.dateFromStatement = snapshot.dateFromStatement();
    this.provider = snapshot.provider();
    this.lastLineId = snapshot.lastLineId();
    this.lastStatementId = snapshot.lastStatementId();
    this.lastStatementReference = snapshot.lastStatementReference();
    this.lastEntryId = snapshot.lastEntryId();
    this.ledgerTraceId = snapshot.ledgerTraceId();
    this.deadlineMs = snapshot.deadlineMs();
    this.deadlineKind = snapshot.deadlineKind();
    this.breakSeq = snapshot.breakSeq();
    this.emissions = snapshot.emissions();
    this.matched = snapshot.matched();
    this.openBreak = snapshot.openBreak();
    this.openDuplicates = new ArrayList<>(snapshot.openDuplicates());
  }

  /** The unit a codec read back. */
  static MatchUnit restore(Snapshot snapshot) {
    return new MatchUnit(snapshot);
  }

  /** What the unit holds now, for its codec. */
  Snapshot snapshot() {
    return new Snapshot(
        reference,
        items,
        acknowledged,
        businessDate,
        dateFromStatement,
        provider,
        lastLineId,
        lastStatementId,
        lastStatementReference,
        lastEntryId,
        ledgerTraceId,
        deadlineMs,
        deadlineKind,
        breakSeq,
        emissions,
        matched,
        openBreak,
        openDuplicates);
  }

  public static MatchUnit empty(String reference) {
    return new MatchUnit(reference);
  }

  public String reference() {
    return reference;
  }

  /** When this unit must next be looked at again, or 0 when never. */
  public long deadlineMs() {
    return deadlineKind == DeadlineKind.NONE ? 0 : deadlineMs;
  }

  public DeadlineKind deadlineKind() {
    return deadlineKind;
  }

  /** Ids of the breaks open now, the unit's own break first. */
  public List<String> openBreakIds() {
    List<String> ids = new ArrayList<>();
    if (openBreak != null) {
      ids.add(openBreak.breakId());
    }
    openDuplicates.forEach(d -> ids.add(d.breakId()));
    return ids;
  }

  // ---------------------------------------------------------------------------------------------
  // Arrivals

  /** Takes one line into account at wall-clock time {@code nowMs}. */
  public Decision accept(Arrival arrival, long nowMs, MatchRules rules) {
    if (!arrival.reference().equals(reference)) {
      throw new IllegalArgumentException(
          "arrival for " + arrival.reference() + " given to the unit of " + reference);
    }
    if (seen(arrival.identity())) {
      return Decision.unchanged();
    }
    if (arrival instanceof StatementArrival line && line.kind().settlement()) {
      return awaitingSettlement(line, nowMs, rules);
    }
    if (duplicateOf(arrival).isPresent()) {
      items.add(item(arrival, true));
      return new Decision(List.of(openDuplicate(arrival)), false, true);
    }
    remember(arrival);
    items.add(item(arrival, false));
    return new Decision(evaluate(arrival, nowMs, rules), false, true);
  }

  private boolean seen(String identity) {
    for (Item item : items) {
      if (item.identity().equals(identity)) {
        return true;
      }
    }
    return false;
  }

  private void remember(Arrival arrival) {
    if (arrival.provider() != null && !arrival.provider().isEmpty()) {
      provider = arrival.provider();
    }
    if (arrival instanceof StatementArrival line) {
      lastLineId = line.lineId();
      lastStatementId = line.statementId();
      lastStatementReference = line.ownReference();
      if (!dateFromStatement) {
        businessDate = line.businessDate();
        dateFromStatement = true;
      }
    } else if (arrival instanceof LedgerArrival line) {
      lastEntryId = line.entryId();
      if (!line.traceId().isEmpty()) {
        ledgerTraceId = line.traceId();
      }
      if (businessDate == null) {
        businessDate = line.effectiveDate();
      }
    }
  }

  /**
   * A statement CREDIT equal to a counted one (another identity), or a second booking of the
   * payment in the ledger. Statement DEBITs are not judged this way: two equal partial refunds are
   * legitimate, and any real excess shows as a mismatch of the nets instead.
   */
  private Optional<Item> duplicateOf(Arrival arrival) {
    for (Item item : items) {
      if (item.duplicate()) {
        continue;
      }
      if (sameAs(item, arrival)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  private static boolean sameAs(Item item, Arrival arrival) {
    if (arrival instanceof StatementArrival line) {
      return item.statement()
          && line.direction() == Direction.CREDIT
          && item.signed().equals(line.signed());
    }
    LedgerArrival line = (LedgerArrival) arrival;
    return !item.statement()
        && line.booking()
        && item.booking()
        && !item.sourceId().equals(line.entryId());
  }

  private static Item item(Arrival arrival, boolean duplicate) {
    if (arrival instanceof StatementArrival line) {
      return new Item(
          line.identity(),
          true,
          line.signed(),
          false,
          line.lineId(),
          duplicate,
          line.incomingPayment());
    }
    LedgerArrival line = (LedgerArrival) arrival;
    return new Item(
        line.identity(), false, line.signed(), line.booking(), line.entryId(), duplicate, false);
  }

  /**
   * A payout or a fee: reported at once as what it is, awaiting the settlement the ledger does not
   * book yet, and never a break. The mapper gives each such line a unit of its own, so it never
   * nets against a payment; the unit is forgotten after the retention, like a match.
   */
  private Decision awaitingSettlement(StatementArrival line, long nowMs, MatchRules rules) {
    remember(line);
    items.add(item(line, false));
    Outcome outcome =
        line.kind() == StatementKind.PAYOUT
            ? Outcome.PAYOUT_AWAITING_SETTLEMENT
            : Outcome.FEE_AWAITING_SETTLEMENT;
    Leg leg = Leg.of(line.amount().currencyCode(), line.signed().minor(), null);
    OpenBreak reported = new OpenBreak(nextBreakId(), outcome, line.businessDate(), List.of(leg));
    ReconEvent event =
        event(reported, BreakState.RESOLVED, null, leg, line.causationId(), line.traceId());
    matched = true;
    forgetLater(nowMs, rules);
    return new Decision(List.of(event), false, true);
  }

  private ReconEvent openDuplicate(Arrival arrival) {
    boolean statement = arrival instanceof StatementArrival;
    Leg leg =
        new Leg(
            arrival.amount().currency(),
            statement ? arrival.signed() : null,
            statement ? null : arrival.signed());
    OpenBreak duplicate =
        new OpenBreak(nextBreakId(), Outcome.DUPLICATE, dateOf(arrival), List.of(leg));
    openDuplicates.add(duplicate);
    return new ReconEvent(
        nextEventId(),
        duplicate.breakId(),
        reference,
        Outcome.DUPLICATE,
        BreakState.OPEN,
        null,
        duplicate.businessDate(),
        leg,
        statement ? ((StatementArrival) arrival).lineId() : null,
        statement ? null : ((LedgerArrival) arrival).entryId(),
        arrival.provider() == null ? provider : arrival.provider(),
        arrival.causationId(),
        statement ? traceOf(arrival.traceId()) : arrival.traceId(),
        null,
        statement ? ((StatementArrival) arrival).statementId() : null,
        statement ? ((StatementArrival) arrival).ownReference() : null);
  }

  private static LocalDate dateOf(Arrival arrival) {
    return arrival instanceof StatementArrival line
        ? line.businessDate()
        : ((LedgerArrival) arrival).effectiveDate();
  }

  /** After a counted arrival: match, close what no longer holds, or (re)arm the deadline. */
  private List<ReconEvent> evaluate(Arrival trigger, long nowMs, MatchRules rules) {
    List<ReconEvent> events = new ArrayList<>();
    if (agrees(rules)) {
      settle(events, trigger.causationId(), trigger.traceId());
      forgetLater(nowMs, rules);
      return events;
    }
    matched = false;
    if (openBreak != null && !stillDescribes(openBreak.outcome())) {
      close(events, Resolutions.LATE_ARRIVAL, trigger.causationId(), trigger.traceId());
    }
    long due =
        trigger instanceof LedgerArrival line
            ? rules.missingDeadline(line.effectiveDate(), nowMs)
            : rules.lostOrderDeadline(nowMs);
    judgeAt(due);
    return events;
  }

  /** The unit agrees: close its open break, or report the match. */
  private void settle(List<ReconEvent> events, String causationId, String traceId) {
    boolean onStatement = count(true) > 0;
    if (openBreak != null) {
      close(
          events,
          onStatement ? Resolutions.LATE_ARRIVAL : Resolutions.NETTED_INTERNALLY,
          causationId,
          traceId);
    } else if (onStatement && !matched) {
      OpenBreak match = new OpenBreak(nextBreakId(), Outcome.MATCHED, businessDate, legs());
      for (Leg leg : match.legs()) {
        events.add(event(match, BreakState.RESOLVED, null, leg, causationId, traceId));
      }
    }
    matched = onStatement;
  }

  private boolean stillDescribes(Outcome outcome) {
    return switch (outcome) {
      case LOST_ORDER, UNMATCHED_LINE -> count(false) == 0;
      case MISSING_IN_STATEMENT -> count(true) == 0;
      default -> true;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines

  /** The deadline passed at wall-clock time {@code nowMs}: judge the unit, or forget it. */
  public Decision expire(long nowMs, MatchRules rules) {
    DeadlineKind kind = deadlineKind;
    clearDeadline();
    if (kind == DeadlineKind.FORGET) {
      boolean idle = openBreak == null && openDuplicates.isEmpty();
      return new Decision(List.of(), idle, true);
    }
    if (kind == DeadlineKind.NONE || agrees(rules)) {
      return Decision.unchanged();
    }
    return new Decision(judge(nowMs), false, true);
  }

  private List<ReconEvent> judge(long nowMs) {
    List<Leg> legs = legs();
    String causation = "deadline:" + nowMs;
    if (openBreak == null) {
      openBreak = new OpenBreak(nextBreakId(), classify(), businessDate, legs);
    } else if (openBreak.legs().equals(legs)) {
      return List.of();
    } else {
      openBreak = openBreak.withLegs(legs);
    }
    List<ReconEvent> events = new ArrayList<>(legs.size());
    for (Leg leg : legs) {
      events.add(event(openBreak, BreakState.OPEN, null, leg, causation, ""));
    }
    return events;
  }

  private Outcome classify() {
    if (count(false) == 0) {
      return lostOrder() ? Outcome.LOST_ORDER : Outcome.UNMATCHED_LINE;
    }
    if (count(true) == 0) {
      return Outcome.MISSING_IN_STATEMENT;
    }
    return Outcome.AMOUNT_MISMATCH;
  }

  /**
   * A lost order is money a customer paid that the ledger never booked: the reference must be a
   * payment of this suite (only then can the gateway ask the provider about it) and the statement
   * must show an incoming payment for it, netting to money in. Anything else with no ledger line is
   * an unmatched line for operators.
   */
  private boolean lostOrder() {
    if (!SuitePaymentIds.matches(reference)) {
      return false;
    }
    boolean incomingPayment = false;
    for (Item item : items) {
      incomingPayment |= item.statement() && !item.duplicate() && item.incomingPayment();
    }
    if (!incomingPayment) {
      return false;
    }
    for (String currency : currencies()) {
      if (net(true, currency) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The latest arrival sets the deadline: it says which side is now expected to catch up (a
   * statement line expects its booking within the grace; a booking expects the statement of its
   * date), and the earlier expectation has been answered by it, one way or the other.
   */
  private void judgeAt(long dueMs) {
    deadlineMs = dueMs;
    deadlineKind = DeadlineKind.JUDGE;
  }

  private void forgetLater(long nowMs, MatchRules rules) {
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
   * An operator closes {@code breakId} with {@code reason}. The difference it showed is accepted,
   * so the unit agrees from now on unless more lines arrive. Not applied (no events) when the break
   * is not open here.
   */
  public Decision resolve(
      String breakId, String reason, String causationId, long nowMs, MatchRules rules) {
    String resolution = Resolutions.manual(reason);
    for (OpenBreak duplicate : openDuplicates) {
      if (duplicate.breakId().equals(breakId)) {
        openDuplicates.remove(duplicate);
        return new Decision(closeEvents(duplicate, resolution, causationId, ""), false, true);
      }
    }
    if (openBreak == null || !openBreak.breakId().equals(breakId)) {
      return Decision.unchanged();
    }
    for (String currency : currencies()) {
      long difference = net(true, currency) - net(false, currency) - ack(currency);
      acknowledged.merge(currency, difference, Math::addExact);
    }
    List<ReconEvent> events = new ArrayList<>();
    close(events, resolution, causationId, "");
    matched = false;
    forgetLater(nowMs, rules);
    return new Decision(events, false, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Netting

  private boolean agrees(MatchRules rules) {
    for (String currency : currencies()) {
      long statement = net(true, currency);
      long internal = Math.addExact(net(false, currency), ack(currency));
      if (!rules.equalWithinTolerance(statement, internal)) {
        return false;
      }
    }
    return true;
  }

  private TreeSet<String> currencies() {
    TreeSet<String> currencies = new TreeSet<>(acknowledged.keySet());
    for (Item item : items) {
      if (!item.duplicate()) {
        currencies.add(item.signed().currencyCode());
      }
    }
    return currencies;
  }

  private long net(boolean statement, String currency) {
    long net = 0;
    for (Item item : items) {
      if (!item.duplicate()
          && item.statement() == statement
          && item.signed().currencyCode().equals(currency)) {
        net = Math.addExact(net, item.signed().minor());
      }
    }
    return net;
  }

  private long ack(String currency) {
    return acknowledged.getOrDefault(currency, 0L);
  }

  private int count(boolean statement) {
    int count = 0;
    for (Item item : items) {
      if (!item.duplicate() && item.statement() == statement) {
        count++;
      }
    }
    return count;
  }

  /** Net amounts per currency; a side with no line at all is null. */
  private List<Leg> legs() {
    return legs(currencies());
  }

  private List<Leg> legs(java.util.Collection<String> currencies) {
    boolean anyStatement = count(true) > 0;
    boolean anyLedger = count(false) > 0;
    List<Leg> legs = new ArrayList<>(currencies.size());
    for (String currency : currencies) {
      legs.add(
          Leg.of(
              currency,
              anyStatement ? net(true, currency) : null,
              anyLedger ? net(false, currency) : null));
    }
    return legs;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** Closes the open break, one event per currency it had or has now. */
  private void close(
      List<ReconEvent> events, String resolution, String causationId, String traceId) {
    TreeSet<String> currencies = currencies();
    openBreak.legs().forEach(leg -> currencies.add(leg.currencyCode()));
    OpenBreak closing = openBreak.withLegs(legs(currencies));
    events.addAll(closeEvents(closing, resolution, causationId, traceId));
    openBreak = null;
  }

  private List<ReconEvent> closeEvents(
      OpenBreak closing, String resolution, String causationId, String traceId) {
    List<ReconEvent> events = new ArrayList<>(closing.legs().size());
    for (Leg leg : closing.legs()) {
      events.add(event(closing, BreakState.RESOLVED, resolution, leg, causationId, traceId));
    }
    return events;
  }

  private ReconEvent event(
      OpenBreak subject,
      BreakState state,
      String resolution,
      Leg leg,
      String causationId,
      String traceId) {
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
        traceOf(traceId),
        null,
        lastStatementId,
        lastStatementReference);
  }

  /**
   * The trace a result of this unit carries: the ledger line's, which the ledger continued from the
   * callback's (so the result joins the payment's trace), whether a statement line, a deadline or
   * an operator produced it; else {@code fallback}, the trace of the arrival that produced it (a
   * statement line's ingestion, if it recorded one), or none.
   */
  private String traceOf(String fallback) {
    if (ledgerTraceId != null) {
      return ledgerTraceId;
    }
    return fallback == null ? "" : fallback;
  }

  /** Opaque and URL-safe; its natural key {@code <reference>:<n>} is unique per unit. */
  private String nextBreakId() {
    breakSeq++;
    return BreakIds.of(reference + ":" + breakSeq);
  }

  /** Same history, same ids: a result re-derived after a crash carries the id it had. */
  private String nextEventId() {
    emissions++;
    byte[] name = (reference + "|" + emissions).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  // ---------------------------------------------------------------------------------------------
  // For the codec and tests

  List<Item> items() {
    return Collections.unmodifiableList(items);
  }

  @Override
  public String toString() {
    return "MatchUnit["
        + reference
        + ", items="
        + items.size()
        + ", open="
        + openBreakIds()
        + ", deadline="
        + deadlineKind
        + "@"
        + deadlineMs
        + "]";
  }
}
