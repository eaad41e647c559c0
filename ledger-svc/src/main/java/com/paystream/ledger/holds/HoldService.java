package com.paystream.ledger.holds;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.Side;
import com.paystream.ledger.booking.BatchPlan;
import com.paystream.ledger.booking.EventComposer;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.holds.persistence.HoldStore;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.Books;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.journal.SourceType;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.money.Money;
import com.paystream.platform.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, captures and releases holds, each in one transaction with the account row locked like a
 * posting batch locks it. Placing moves money from available to frozen; releasing moves it back;
 * capturing releases it and, in the same transaction, books a SETTLEMENT entry that pays it from
 * the held account to the counter account (published like every entry). Each operation is
 * idempotent: repeating it returns the hold as it is. A settlement entry records the trace of the
 * request that caused it (the capture's, or the approval's under four eyes), and its events are
 * published under that request's span.
 */
public final class HoldService {

  private final TransactionTemplate transactions;
  private final HoldStore holds;
  private final JdbcBookingStore books;
  private final EventComposer composer;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final Supplier<Optional<TraceParent>> currentTrace;

  public HoldService(
      TransactionTemplate transactions,
      HoldStore holds,
      JdbcBookingStore books,
      EventComposer composer,
      BusinessCalendar calendar,
      Clock clock) {
    this(transactions, holds, books, composer, calendar, clock, Optional::empty);
  }

  /** {@code currentTrace}: the trace and span the calling thread works in (a request's), if any. */
  public HoldService(
      TransactionTemplate transactions,
      HoldStore holds,
      JdbcBookingStore books,
      EventComposer composer,
      BusinessCalendar calendar,
      Clock clock,
      Supplier<Optional<TraceParent>> currentTrace) {
    this.transactions = transactions;
    this.holds = holds;
    this.books = books;
    this.composer = composer;
    this.calendar = calendar;
    this.clock = clock;
    this.currentTrace = currentTrace;
  }

  public Optional<HoldView> find(UUID holdId) {
    return transactions.execute(status -> holds.find(holdId));
  }

  public HoldResult place(PlaceHold request) {
    return transactions.execute(status -> placeInTransaction(request));
  }

  public HoldResult release(UUID holdId) {
    return transactions.execute(status -> releaseInTransaction(holdId));
  }

  /**
   * Captures the hold. {@code requestedBy} is the operator who asked for the capture and {@code
   * approvedBy} the second operator who approved it (null when none did); both are booked into the
   * settlement entry. Joins the caller's transaction when there is one (an approval's).
   */
  public HoldResult capture(UUID holdId, String requestedBy, String approvedBy) {
    return transactions.execute(status -> captureInTransaction(holdId, requestedBy, approvedBy));
  }

  private HoldResult placeInTransaction(PlaceHold request) {
    Optional<HoldView> existing = holds.lock(request.holdId());
    if (existing.isPresent()) {
      return sameRequest(existing.get(), request)
          ? new HoldResult.Done(existing.get(), false)
          : conflict("HOLD_ID_REUSED", "hold " + request.holdId() + " exists with other terms");
    }
    if (request.accountCode().equals(request.counterAccountCode())) {
      return invalid(
          Refusal.SAME_ACCOUNT,
          "a hold is paid to another account than the held one; both are "
              + InputPolicy.echo(request.accountCode()));
    }
    Optional<AccountSpec> held = holds.account(request.accountCode());
    Optional<AccountSpec> counter = holds.account(request.counterAccountCode());
    if (held.isEmpty() || counter.isEmpty()) {
      return new HoldResult.Refused(
          HoldResult.Kind.NOT_FOUND,
          "UNKNOWN_ACCOUNT",
          "no account "
              + InputPolicy.echo(
                  held.isEmpty() ? request.accountCode() : request.counterAccountCode()));
    }
    if (!held.get().currencyCode().equals(request.currency())
        || !counter.get().currencyCode().equals(request.currency())) {
      return invalid(
          Refusal.CURRENCY_MISMATCH,
          "both accounts must be in " + request.currency() + " for this hold");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      return invalid(Refusal.MISSING_REASON, "a hold must say why");
    }
    Money amount = new Money(request.amountMinor(), held.get().currency());
    Books ledger = new Books(books.ensureAndLockAccounts(List.of(held.get())));
    Optional<Refusal> refusal = ledger.freeze(held.get(), amount);
    if (refusal.isPresent()) {
      return invalid(refusal.get().code(), refusal.get().reason());
    }
    books.updateBalances(List.copyOf(ledger.changedAccounts()));
    holds.insert(
        request.holdId(),
        held.get().id(),
        request.counterAccountCode(),
        amount,
        request.reason(),
        Objects.requireNonNullElse(request.requestedBy(), ""),
        now());
    return new HoldResult.Done(holds.find(request.holdId()).orElseThrow(), true);
  }

  private HoldResult releaseInTransaction(UUID holdId) {
    Optional<HoldView> found = holds.lock(holdId);
    if (found.isEmpty()) {
      return notFound(holdId);
    }
    HoldView hold = found.get();
    if (!hold.isOpen()) {
      return "RELEASED".equals(hold.state())
          ? new HoldResult.Done(hold, false)
          : conflict("HOLD_CAPTURED", "hold " + holdId + " was captured");
    }
    AccountSpec held = holds.account(hold.accountCode()).orElseThrow();
    Books ledger = new Books(books.ensureAndLockAccounts(List.of(held)));
    ledger.unfreeze(held, new Money(hold.amountMinor(), held.currency()));
    books.updateBalances(List.copyOf(ledger.changedAccounts()));
    holds.settle(holdId, "RELEASED", null, now());
    return new HoldResult.Done(holds.find(holdId).orElseThrow(), false);
  }

  private HoldResult captureInTransaction(UUID holdId, String requestedBy, String approvedBy) {
    Optional<HoldView> found = holds.lock(holdId);
    if (found.isEmpty()) {
      return notFound(holdId);
    }
    HoldView hold = found.get();
    if (!hold.isOpen()) {
      return "CAPTURED".equals(hold.state())
          ? new HoldResult.Done(hold, false)
          : conflict("HOLD_RELEASED", "hold " + holdId + " was released");
    }
    LocalDate lastClosed = books.lastClosedDate();
    AccountSpec held = holds.account(hold.accountCode()).orElseThrow();
    AccountSpec counter = holds.account(hold.counterAccountCode()).orElseThrow();
    List<AccountState> accounts = books.ensureAndLockAccounts(List.of(held, counter));
    Instant bookedAt = bookingInstant(accounts);
    LocalDate effectiveDate = calendar.effectiveDate(bookedAt, lastClosed);
    Books ledger = new Books(accounts);
    ledger.unfreeze(held, new Money(hold.amountMinor(), held.currency()));
    Books.Result result =
        ledger.post(
            settlement(hold, held, counter, requestedBy, approvedBy),
            sourceId(holdId),
            SourceType.OPERATOR,
            effectiveDate,
            bookedAt);
    if (result instanceof Books.Refused refused) {
      // Nothing was written: the hold stays in place.
      return invalid(refused.refusal().code(), refused.refusal().reason());
    }
    BookedEntry entry = ((Books.Booked) result).entry();
    Optional<TraceParent> trace = currentTrace.get();
    String traceId = trace.map(TraceParent::traceId).orElse("");
    BatchPlan plan =
        BatchPlan.overHttp(
            bookedAt,
            effectiveDate,
            List.of(entry),
            List.copyOf(ledger.changedAccounts()),
            traceId);
    books.write(
        plan,
        composer.composeOperatorEntry(entry, traceId, trace.map(TraceParent::spanId).orElse("")));
    holds.settle(holdId, "CAPTURED", entry.id(), bookedAt);
    return new HoldResult.Done(holds.find(holdId).orElseThrow(), false);
  }

  private static EntryDraft settlement(
      HoldView hold, AccountSpec held, AccountSpec counter, String requestedBy, String approvedBy) {
    // The held account gives the money up, whatever its type's normal side.
    Side out = held.type().normalSide().opposite();
    return new EntryDraft(
        EntryIds.forSource(sourceId(hold.holdId())),
        EntryType.SETTLEMENT,
        null,
        "capture of hold " + hold.holdId() + ": " + hold.reason(),
        null,
        requestedBy == null ? hold.requestedBy() : requestedBy,
        approvedBy,
        hold.reason(),
        List.of(
            new PostingDraft(held, out, hold.amountMinor()),
            new PostingDraft(counter, out.opposite(), hold.amountMinor())));
  }

  private static UUID sourceId(UUID holdId) {
    return UUID.nameUUIDFromBytes(
        ("paystream-ledger/hold-capture/" + holdId).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean sameRequest(HoldView hold, PlaceHold request) {
    return hold.accountCode().equals(request.accountCode())
        && hold.counterAccountCode().equals(request.counterAccountCode())
        && hold.amountMinor() == request.amountMinor()
        && hold.currency().equals(request.currency());
  }

  private Instant bookingInstant(List<AccountState> accounts) {
    Instant at = now();
    for (AccountState account : accounts) {
      if (account.lastPostedAt() != null && account.lastPostedAt().isAfter(at)) {
        at = account.lastPostedAt();
      }
    }
    return at;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static HoldResult notFound(UUID holdId) {
    return new HoldResult.Refused(HoldResult.Kind.NOT_FOUND, "UNKNOWN_HOLD", "no hold " + holdId);
  }

  private static HoldResult conflict(String code, String reason) {
    return new HoldResult.Refused(HoldResult.Kind.CONFLICT, code, reason);
  }

  private static HoldResult invalid(String code, String reason) {
    return new HoldResult.Refused(HoldResult.Kind.INVALID, code, reason);
  }
}
