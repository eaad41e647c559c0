package com.paystream.recon.matching.internal;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.BreakIds;
import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.Leg;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.Resolutions;
import com.paystream.recon.matching.internal.InternalArrival.CallbackSucceeded;
import com.paystream.recon.matching.internal.InternalArrival.EntryPosted;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything internal reconciliation knows about one payment: its SUCCEEDED callbacks and its
 * POSTED payment entries. The payment agrees ({@link Outcome#BOOKED}) when it has exactly one
 * payment entry, that entry was caused by one of its succeeded callbacks, and both say the same
 * amount and currency. Several succeeded callbacks for one payment are normal (a webhook and a
 * status query, a provider's re-sent notification): the ledger books the first and confirms the
 * others with no financial effect.
 *
 * <p>A difference is not judged at once: the relay re-delivers, the ledger retries, and the two
 * topics are read at their own pace. The latest arrival arms a deadline {@code grace} later; if the
 * payment still disagrees then, its break opens: NOT_BOOKED, BOOKED_WITHOUT_CALLBACK or
 * BOOKED_AMOUNT_MISMATCH. A second payment entry opens DOUBLE_BOOKED at once (a correct ledger
 * never does it). A later arrival that makes the payment agree closes the break (LATE_ARRIVAL).
 *
 * <p>Not thread-safe; one instance is owned by one stream task at a time.
 */
public final class InternalUnit {

  /** A succeeded callback, as counted. */
  record Callback(String callbackId, Money amount) {}

  /** A payment entry, as counted. */
  record Entry(String entryId, String sourceEventId, Money amount) {}

  /** The break that is open; its business date never changes once reported. */
  record OpenBreak(String breakId, Outcome outcome, LocalDate businessDate, List<Leg> legs) {
    OpenBreak {
      legs = List.copyOf(legs);
    }
  }

  /** What the next deadline is for. */
  public enum DeadlineKind {
    NONE,
    JUDGE,
    FORGET
  }

  final String paymentId;
  final Map<String, Callback> callbacks;
  final Map<String, Entry> entries;
  LocalDate businessDate;
  boolean dateFromEntry;
  String provider;
  String lastCallbackId;
  String lastEntryId;
  // The trace of the latest callback or entry that named one; a result made at a deadline or by
  // an operator carries it (see traceOf).
  String traceId;
  long deadlineMs;
  DeadlineKind deadlineKind;
  int breakSeq;
  long emissions;
  boolean booked;
  boolean accepted;
  OpenBreak openBreak;

  InternalUnit(String paymentId) {
    this.paymentId = Objects.requireNonNull(paymentId, "paymentId");
    this.callbacks = new LinkedHashMap<>(2);
    this.entries = new LinkedHashMap<>(2);
    this.deadlineKind = DeadlineKind.NONE;
  }

  public static InternalUnit empty(String paymentId) {
    return new InternalUnit(paymentId);
  }

  public String paymentId() {
    return paymentId;
  }

  /** When this unit must next be looked at again, or 0 when never. */
  public long deadlineMs() {
    return deadlineKind == DeadlineKind.NONE ? 0 : deadlineMs;
  }

  public DeadlineKind deadlineKind() {
    return deadlineKind;
  }

  // ---------------------------------------------------------------------------------------------

  /** Takes one callback or entry into account at wall-clock time {@code nowMs}. */
  public Decision accept(InternalArrival arrival, long nowMs, InternalRules rules) {
    if (!arrival.paymentId().value().equals(paymentId)) {
      throw new IllegalArgumentException(
          "arrival for " + arrival.paymentId() + " given to the unit of " + paymentId);
    }
    if (callbacks.containsKey(arrival.id()) || entries.containsKey(arrival.id())) {
      return Decision.unchanged();
    }
    if (arrival instanceof CallbackSucceeded callback) {
      callbacks.put(callback.callbackId(), new Callback(callback.callbackId(), callback.amount()));
      lastCallbackId = callback.callbackId();
      provider = callback.provider() == null ? provider : callback.provider();
      if (businessDate == null) {
        businessDate = callback.businessDate();
      }
    } else {
      EntryPosted entry = (EntryPosted) arrival;
      entries.put(
          entry.entryId(), new Entry(entry.entryId(), entry.sourceEventId(), entry.amount()));
      lastEntryId = entry.entryId();
      if (!dateFromEntry) {
        businessDate = entry.businessDate();
        dateFromEntry = true;
      }
    }
    if (!arrival.traceId().isEmpty()) {
      traceId = arrival.traceId();
    }
    accepted = false;
    return new Decision(evaluate(arrival, nowMs, rules), false, true);
  }

  /** What the payment looks like now; null when there is nothing to say (no callback, no entry). */
  Outcome verdict() {
    if (entries.size() > 1) {
      return Outcome.DOUBLE_BOOKED;
    }
    if (entries.isEmpty()) {
      return callbacks.isEmpty() ? null : Outcome.NOT_BOOKED;
    }
    Entry entry = entries.values().iterator().next();
    Callback cause = callbacks.get(entry.sourceEventId());
    if (cause == null) {
      return Outcome.BOOKED_WITHOUT_CALLBACK;
    }
    if (!cause.amount().equals(entry.amount())) {
      return Outcome.BOOKED_AMOUNT_MISMATCH;
    }
    return Outcome.BOOKED;
  }

  private List<ReconEvent> evaluate(InternalArrival trigger, long nowMs, InternalRules rules) {
    List<ReconEvent> events = new ArrayList<>();
    Outcome verdict = verdict();
    if (verdict == Outcome.BOOKED) {
      if (openBreak != null) {
        close(events, Resolutions.LATE_ARRIVAL, trigger.causationId(), trigger.traceId());
      }
      if (!booked) {
        OpenBreak match = new OpenBreak(nextBreakId(), Outcome.BOOKED, businessDate, legs());
        for (Leg leg : match.legs()) {
          events.add(
              event(
                  match, BreakState.RESOLVED, null, leg, trigger.causationId(), trigger.traceId()));
        }
        booked = true;
      }
      arm(DeadlineKind.FORGET, nowMs + rules.bookedRetention().toMillis());
      return events;
    }
    if (openBreak != null && openBreak.outcome() != verdict) {
      // What was reported no longer describes the payment: that story is over; the new one is
      // judged after its own grace (a double booking at once).
      close(events, Resolutions.LATE_ARRIVAL, trigger.causationId(), trigger.traceId());
    }
    if (verdict == Outcome.DOUBLE_BOOKED) {
      events.addAll(judge(trigger.causationId(), trigger.traceId()));
      deadlineKind = DeadlineKind.NONE;
    } else {
      arm(DeadlineKind.JUDGE, nowMs + rules.grace().toMillis());
    }
    return events;
  }

  /** The deadline passed at wall-clock time {@code nowMs}: judge the payment, or forget it. */
  public Decision expire(long nowMs) {
    DeadlineKind kind = deadlineKind;
    deadlineKind = DeadlineKind.NONE;
    deadlineMs = 0;
    if (kind == DeadlineKind.FORGET) {
      return new Decision(List.of(), openBreak == null, true);
    }
    Outcome verdict = verdict();
    if (kind == DeadlineKind.NONE || verdict == null || verdict == Outcome.BOOKED || accepted) {
      return Decision.unchanged();
    }
    return new Decision(judge("deadline:" + nowMs, ""), false, true);
  }

  private List<ReconEvent> judge(String causationId, String traceId) {
    List<Leg> legs = legs();
    if (openBreak == null) {
      openBreak = new OpenBreak(nextBreakId(), verdict(), businessDate, legs);
    } else if (openBreak.legs().equals(legs)) {
      return List.of();
    } else {
      openBreak =
          new OpenBreak(openBreak.breakId(), openBreak.outcome(), openBreak.businessDate(), legs);
    }
    List<ReconEvent> events = new ArrayList<>(legs.size());
    for (Leg leg : legs) {
      events.add(event(openBreak, BreakState.OPEN, null, leg, causationId, traceId));
    }
    return events;
  }

  /**
   * An operator closes {@code breakId} with {@code reason}: the difference is accepted, so the
   * payment is not judged again unless more callbacks or entries arrive. Not applied when the break
   * is not open here.
   */
  public Decision resolve(
      String breakId, String reason, String causationId, long nowMs, InternalRules rules) {
    if (openBreak == null || !openBreak.breakId().equals(breakId)) {
      return Decision.unchanged();
    }
    List<ReconEvent> events = new ArrayList<>();
    close(events, Resolutions.manual(reason), causationId, "");
    accepted = true;
    arm(DeadlineKind.FORGET, nowMs + rules.bookedRetention().toMillis());
    return new Decision(events, false, true);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Per currency: the callback side (the callback the entry cites, else the latest succeeded one)
   * against the sum of the payment entries; a side with nothing is null.
   */
  private List<Leg> legs() {
    Callback callback = relevantCallback();
    TreeMap<String, long[]> sums = new TreeMap<>();
    if (callback != null) {
      Money amount = callback.amount();
      sums.computeIfAbsent(amount.currencyCode(), c -> new long[2])[0] = amount.minor();
    }
    for (Entry entry : entries.values()) {
      long[] sum = sums.computeIfAbsent(entry.amount().currencyCode(), c -> new long[2]);
      sum[1] = Math.addExact(sum[1], entry.amount().minor());
    }
    List<Leg> legs = new ArrayList<>(sums.size());
    sums.forEach(
        (currency, sum) ->
            legs.add(
                Leg.of(
                    currency,
                    callback == null ? null : sum[0],
                    entries.isEmpty() ? null : sum[1])));
    return legs;
  }

  private Callback relevantCallback() {
    for (Entry entry : entries.values()) {
      Callback cause = callbacks.get(entry.sourceEventId());
      if (cause != null) {
        return cause;
      }
    }
    Callback latest = null;
    for (Callback callback : callbacks.values()) {
      latest = callback;
    }
    return latest;
  }

  private void close(
      List<ReconEvent> events, String resolution, String causationId, String traceId) {
    List<Leg> legs = new ArrayList<>(legs());
    for (Leg old : openBreak.legs()) {
      if (legs.stream().noneMatch(l -> l.currency().equals(old.currency()))) {
        legs.add(old);
      }
    }
    for (Leg leg : legs) {
      events.add(event(openBreak, BreakState.RESOLVED, resolution, leg, causationId, traceId));
    }
    openBreak = null;
  }

  private void arm(DeadlineKind kind, long atMs) {
    deadlineKind = kind;
    deadlineMs = atMs;
  }

  private ReconEvent event(
      OpenBreak subject,
      BreakState state,
      String resolution,
      Leg leg,
      String causationId,
      String traceId) {
    Callback callback = relevantCallback();
    return new ReconEvent(
        nextEventId(),
        subject.breakId(),
        paymentId,
        subject.outcome(),
        state,
        resolution,
        subject.businessDate() == null ? businessDate : subject.businessDate(),
        leg,
        null,
        lastEntryId,
        provider,
        causationId,
        traceOf(traceId),
        callback == null ? null : callback.callbackId());
  }

  /**
   * The trace of the arrival that made a result ({@code trigger}); for a result a deadline or an
   * operator made, the payment's (its callback's, which the ledger continues), if known.
   */
  private String traceOf(String trigger) {
    if (trigger != null && !trigger.isEmpty()) {
      return trigger;
    }
    return traceId == null ? "" : traceId;
  }

  private String nextBreakId() {
    breakSeq++;
    return BreakIds.of(paymentId + ":i" + breakSeq);
  }

  /** Same history, same ids: a result re-derived after a crash carries the id it had. */
  private String nextEventId() {
    emissions++;
    byte[] name = ("internal|" + paymentId + "|" + emissions).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }

  @Override
  public String toString() {
    return "InternalUnit["
        + paymentId
        + ", callbacks="
        + callbacks.size()
        + ", entries="
        + entries.size()
        + ", open="
        + (openBreak == null ? "-" : openBreak.breakId())
        + ", deadline="
        + deadlineKind
        + "@"
        + deadlineMs
        + "]";
  }
}
