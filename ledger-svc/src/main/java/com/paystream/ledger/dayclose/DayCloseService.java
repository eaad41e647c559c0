package com.paystream.ledger.dayclose;

import com.paystream.ledger.booking.EventComposer;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.dayclose.persistence.DayCloseStore;
import com.paystream.ledger.sealing.DaySeal;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.sealing.SignedSeal;
import com.paystream.ledger.sealing.persistence.SealStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes business dates, one at a time and in order, in two short steps so that live posting is not
 * held up:
 *
 * <ol>
 *   <li>advance the calendar (a one-row update that waits only for the posting transactions in
 *       flight; from its commit on, every new entry lands on a later date);
 *   <li>in a separate transaction, read the now frozen postings of the date and write every
 *       account's balance and the trial balance into the snapshot tables (one INSERT ... SELECT
 *       each, over rows no transaction can change any more).
 * </ol>
 *
 * A crash between the steps leaves the date CLOSING; the next run (scheduled or on demand) finishes
 * it. Running on several instances at once is safe: the calendar only moves one date forward, and
 * snapshots are written under an advisory lock, once.
 *
 * <p>An operator may also end the current business date before its cutoff ({@link #closeEarly}),
 * when {@code allowEarly} is set. Nothing else changes for that: from the calendar's move on, new
 * bookings land on the next date ({@link BusinessCalendar#effectiveDate}), exactly as late bookings
 * do after a regular close.
 *
 * <p>The close seals the date: SHA-256 over every journal chain's head as of the date's last entry
 * ({@link DaySeal}), signed with the Ed25519 key of the configuration, written into the date's
 * day_close record and published on {@code ledger.seals.v1} through the outbox, all in the
 * snapshot's transaction. The calendar has moved past the date by then, so no entry of it can still
 * come.
 */
public final class DayCloseService {

  private static final Logger log = LoggerFactory.getLogger(DayCloseService.class);

  private final TransactionTemplate transactions;
  private final DayCloseStore store;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final MeterRegistry meters;
  private final boolean allowEarly;
  private final Sealing sealing;
  private final Map<String, AtomicLong> imbalances = new ConcurrentHashMap<>();
  // The cutoff of the oldest date the last check left open (the next date when it closed all that
  // was due); null before the first check. Kept across failing checks, so the overdue time grows.
  private final AtomicReference<Instant> oldestOpenCutoff = new AtomicReference<>();

  public DayCloseService(
      TransactionTemplate transactions,
      DayCloseStore store,
      BusinessCalendar calendar,
      Clock clock,
      MeterRegistry meters,
      boolean allowEarly,
      Sealing sealing) {
    this.sealing = sealing;
    this.transactions = transactions;
    this.store = store;
    this.calendar = calendar;
    this.clock = clock;
    this.meters = meters;
    this.allowEarly = allowEarly;
    Gauge.builder("ledger.day_close.overdue", this, DayCloseService::overdueSeconds)
        .description(
            "Seconds since the cutoff of the oldest date that is not closed; 0 while its cutoff is"
                + " ahead")
        .baseUnit("seconds")
        .register(meters);
  }

  /**
   * Closes every date whose cutoff has passed and that is not closed yet, oldest first. The dates
   * the calendar has already moved past are never early to finish: that is how a close interrupted
   * between its steps, even an early one before its cutoff, is completed at the next check. After
   * an early close the calendar is ahead of the clock, so there is nothing to do until the next
   * date's own cutoff has passed.
   */
  public List<CloseResult> closeDue() {
    LocalDate lastEnded = calendar.businessDateOf(clock.instant()).minusDays(1);
    Optional<LocalDate> lastClosed = transactions.execute(status -> store.lastClosedDate());
    LocalDate next =
        lastClosed
            .map(d -> transactions.execute(status -> store.isSnapshotted(d)) ? d.plusDays(1) : d)
            .orElse(lastEnded);
    LocalDate last = lastClosed.filter(lastEnded::isBefore).orElse(lastEnded);
    List<CloseResult> results = new ArrayList<>();
    LocalDate firstOpen = next.isAfter(last) ? next : last.plusDays(1);
    for (LocalDate date = next; !date.isAfter(last); date = date.plusDays(1)) {
      CloseResult result = close(date);
      results.add(result);
      if (result instanceof CloseResult.NotClosable) {
        firstOpen = date;
        break;
      }
    }
    oldestOpenCutoff.set(calendar.endOf(firstOpen));
    return results;
  }

  /** For {@code ledger_day_close_overdue_seconds}: how long the oldest open date is past due. */
  private double overdueSeconds() {
    Instant cutoff = oldestOpenCutoff.get();
    if (cutoff == null) {
      return 0;
    }
    return Math.max(0, Duration.between(cutoff, clock.instant()).toSeconds());
  }

  /**
   * Closes {@code date} once its cutoff has passed, or says why it cannot close now. Idempotent.
   */
  public CloseResult close(LocalDate date) {
    return close(date, false);
  }

  /**
   * Closes {@code date} now, before its cutoff if need be ("end of day now"), or says why it
   * cannot. Only the current business date can end early: a later one has not begun, and closing it
   * would skip the day in between. Refused unless early closes are allowed. Idempotent; for a date
   * whose cutoff has passed it is {@link #close(LocalDate)}.
   */
  public CloseResult closeEarly(LocalDate date) {
    return close(date, true);
  }

  /**
   * Whether closing {@code date} now would end it before its cutoff: it is still open and its end
   * has not passed. Such a close may need a second operator.
   */
  public boolean wouldEndEarly(LocalDate date) {
    Optional<LocalDate> lastClosed = transactions.execute(status -> store.lastClosedDate());
    boolean frozen = lastClosed.map(d -> !date.isAfter(d)).orElse(false);
    return !frozen && clock.instant().isBefore(calendar.endOf(date));
  }

  /** Why closing {@code date} early would be refused now, if it would. */
  public Optional<String> earlyCloseRefusal(LocalDate date) {
    Optional<LocalDate> lastClosed = transactions.execute(status -> store.lastClosedDate());
    return refusal(date, clock.instant(), true, lastClosed);
  }

  private CloseResult close(LocalDate date, boolean early) {
    Instant now = clock.instant();
    Optional<LocalDate> lastClosed = transactions.execute(status -> store.lastClosedDate());
    // A date the calendar has passed takes no entries any more (closed, perhaps early, or its close
    // was interrupted): writing its snapshot, or answering with it, never comes too early.
    boolean frozen = lastClosed.map(d -> !date.isAfter(d)).orElse(false);
    if (!frozen) {
      Optional<String> refusal = refusal(date, now, early, lastClosed);
      if (refusal.isPresent()) {
        return new CloseResult.NotClosable(date, refusal.get());
      }
      boolean advanced =
          transactions.execute(status -> store.advanceCalendar(date, lastClosed.orElse(null)));
      if (!advanced && !transactions.execute(status -> isCalendarAtOrAfter(date))) {
        return new CloseResult.NotClosable(date, "the calendar moved concurrently; try again");
      }
    }
    transactions.executeWithoutResult(status -> snapshotOnce(date, now));
    DayStatus status = status(date);
    report(status);
    return new CloseResult.Closed(status);
  }

  /** Why an open {@code date} cannot close now, if it cannot. */
  private Optional<String> refusal(
      LocalDate date, Instant now, boolean early, Optional<LocalDate> lastClosed) {
    Instant end = calendar.endOf(date);
    if (now.isBefore(end)) {
      if (!early) {
        return Optional.of("business date " + date + " runs until " + end);
      }
      if (!allowEarly) {
        return Optional.of(
            "early close is not enabled (paystream.ledger.day-close.allow-early=false)");
      }
      LocalDate current = calendar.businessDateOf(now);
      if (date.isAfter(current)) {
        return Optional.of(
            "business date "
                + date
                + " has not begun; only the current business date "
                + current
                + " can close early");
      }
    }
    if (lastClosed.isPresent() && date.isAfter(lastClosed.get().plusDays(1))) {
      return Optional.of("close " + lastClosed.get().plusDays(1) + " before " + date);
    }
    return Optional.empty();
  }

  private boolean isCalendarAtOrAfter(LocalDate date) {
    return store.lastClosedDate().map(d -> !d.isBefore(date)).orElse(false);
  }

  private void snapshotOnce(LocalDate date, Instant now) {
    store.lockClose();
    // Snapshotted already, or before the ledger's first close, which covers every earlier date.
    if (store.closedAt(date).isPresent()) {
      return;
    }
    boolean firstClose = !store.anyClose();
    if (!firstClose && !store.isSnapshotted(date.minusDays(1))) {
      throw new IllegalStateException("business date " + date.minusDays(1) + " is not snapshotted");
    }
    DaySeal seal = DaySeal.of(date, sealing.chains().headsAsOf(date));
    SignedSeal signed =
        new SignedSeal(seal, sealing.keys().sign(seal.hash()), sealing.keys().signingKeyId(), now);
    store.snapshot(date, firstClose, now, signed);
    sealing.outbox().writeOutbox(List.of(sealing.composer().composeSeal(signed)));
    log.atInfo()
        .addKeyValue("businessDate", date)
        .addKeyValue("firstClose", firstClose)
        .log("business date closed");
  }

  /** What sealing a date needs: the chains, the signing key, the seal's event and the outbox. */
  public record Sealing(
      SealStore chains, SealKeys keys, EventComposer composer, JdbcBookingStore outbox) {}

  /** OPEN, CLOSING (takes no entries, snapshot pending) or CLOSED with its trial balance. */
  public DayStatus status(LocalDate date) {
    return transactions.execute(
        tx -> {
          Optional<Instant> closedAt = store.closedAt(date);
          if (closedAt.isPresent()) {
            return new DayStatus(
                date,
                DayStatus.State.CLOSED,
                closedAt.get(),
                store.trialBalance(date),
                store.seal(date).orElse(null));
          }
          boolean frozen = store.lastClosedDate().map(d -> !d.isBefore(date)).orElse(false);
          return new DayStatus(
              date, frozen ? DayStatus.State.CLOSING : DayStatus.State.OPEN, null, List.of(), null);
        });
  }

  private void report(DayStatus status) {
    for (DayStatus.TrialBalanceLine line : status.trialBalance()) {
      imbalance(line.currency()).set(line.imbalanceMinor());
      if (line.imbalanceMinor() != 0) {
        log.atError()
            .addKeyValue("businessDate", status.businessDate())
            .addKeyValue("currency", line.currency())
            .addKeyValue("imbalanceMinor", line.imbalanceMinor())
            .log("trial balance does not balance");
      }
    }
  }

  private AtomicLong imbalance(String currency) {
    return imbalances.computeIfAbsent(
        currency,
        c -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("ledger.trial_balance.imbalance", value, AtomicLong::get)
              .description("Imbalance of the last closed date's trial balance; must be 0")
              .tag("currency", c)
              .baseUnit("minor")
              .register(meters);
          return value;
        });
  }
}
