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
 * capturing releases it and, in the same transaction, books a SETTLEMENT entry that pays all of it,
 * or the part asked for (partial capture: the rest is simply released), from the held account to
 * the counter account (published like every entry). A hold may have a deadline: {@link
 * #releaseExpired} releases open holds past it. Each operation is idempotent: repeating it returns
 * the hold as it is. A settlement entry records the trace of the request that caused it (the
 * capture's, or the approval's under four eyes), and its events are published under that request's
 * span.
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

  /** Releases the hold, as {@code settledBy} (who the settlement names). */
  public HoldResult release(UUID holdId, String settledBy) {
    return transactions.execute(status -> releaseInTransaction(holdId, settledBy));
  }

  /**
   * Captures the whole hold. {@code requestedBy} is the operator who asked for the capture and
   * {@code approvedBy} the second operator who approved it (null when none did); both are booked
   * into the settlement entry. Joins the caller's transaction when there is one (an approval's).
   */
  public HoldResult capture(UUID holdId, String requestedBy, String approvedBy) {
    return capture(holdId, null, requestedBy, approvedBy);
  }

  /**
   * Captures {@code amountMinor} of the hold (null: all of it) and releases the rest, in one
   * transaction: the settlement entry pays the captured part only. More than the hold is refused
   * ({@code CAPTURE_EXCEEDS_HOLD}), and nothing changes.
   */
  public HoldResult capture(UUID holdId, Long amountMinor, String requestedBy, String approvedBy) {
    return transactions.execute(
        status -> captureInTransaction(holdId, amountMinor, requestedBy, approvedBy));
  }

  /**
   * The open holds whose deadline passed at {@code now}, at most {@code limit} of them, locked in
   * the caller's transaction (rows another transaction holds are skipped: see {@link
   * HoldStore#lockExpired}).
   */
  public List<UUID> lockExpired(Instant now, int limit) {
    return transactions.execute(status -> holds.lockExpired(now, limit));
  }

  /**
   * Books money of a captured hold coming back: a REVERSAL entry (referencing the capture's entry)
   * that pays {@code amountMinor} from the counter account back to the held account, e.g. a
   * merchant payout the bank returned. The entry id derives from {@code sourceId}; refused when the
   * hold is not captured ({@code HOLD_NOT_CAPTURED}) or the amount exceeds what was captured
   * ({@code RETURN_EXCEEDS_CAPTURED}). The caller keeps it from happening twice.
   */
  public HoldResult bookReturn(
      UUID holdId, long amountMinor, UUID sourceId, String requestedBy, String reason) {
    return transactions.execute(
        status -> returnInTransaction(holdId, amountMinor, sourceId, requestedBy, reason));
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
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now())) {
      return invalid("EXPIRY_NOT_IN_FUTURE", "a hold's deadline must lie in the future");
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
        now(),
        request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MILLIS));
    return new HoldResult.Done(holds.find(request.holdId()).orElseThrow(), true);
  }

  private HoldResult releaseInTransaction(UUID holdId, String settledBy) {
    Optional<HoldView> found = holds.lock(holdId);
    if (found.isEmpty()) {
      return notFound(holdId);
    }
    HoldView hold = found.get();
    if (!hold.isOpen()) {
      return HoldView.RELEASED.equals(hold.state())
          ? new HoldResult.Done(hold, false)
          : conflict("HOLD_CAPTURED", "hold " + holdId + " was captured");
    }
    AccountSpec held = holds.account(hold.accountCode()).orElseThrow();
    Books ledger = new Books(books.ensureAndLockAccounts(List.of(held)));
    ledger.unfreeze(held, new Money(hold.amountMinor(), held.currency()));
    books.updateBalances(List.copyOf(ledger.changedAccounts()));
    holds.settle(holdId, HoldView.RELEASED, null, null, settledBy, now());
    return new HoldResult.Done(holds.find(holdId).orElseThrow(), true);
  }

  private HoldResult captureInTransaction(
      UUID holdId, Long amountMinor, String requestedBy, String approvedBy) {
    Optional<HoldView> found = holds.lock(holdId);
    if (found.isEmpty()) {
      return notFound(holdId);
    }
    HoldView hold = found.get();
    if (!hold.isOpen()) {
      return hold.isCaptured()
          ? new HoldResult.Done(hold, false)
          : conflict("HOLD_RELEASED", "hold " + holdId + " was released");
    }
    long captured = amountMinor == null ? hold.amountMinor() : amountMinor;
    if (captured <= 0) {
      return invalid(Refusal.INVALID_AMOUNT, "a capture must be positive, was " + captured);
    }
    if (captured > hold.amountMinor()) {
      return invalid(
          "CAPTURE_EXCEEDS_HOLD",
          "hold " + holdId + " holds " + hold.amountMinor() + "; cannot capture " + captured);
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
            settlement(hold, captured, held, counter, requestedBy, approvedBy),
            sourceId(holdId),
            SourceType.OPERATOR,
            effectiveDate,
            bookedAt);
    if (result instanceof Books.Refused refused) {
      // Nothing was written: the hold stays in place.
      return invalid(refused.refusal().code(), refused.refusal().reason());
    }
    BookedEntry entry = ((Books.Booked) result).entry();
    write(entry, bookedAt, effectiveDate, ledger);
    String by = requestedBy == null ? hold.requestedBy() : requestedBy;
    holds.settle(holdId, HoldView.CAPTURED, entry.id(), captured, by, bookedAt);
    return new HoldResult.Done(holds.find(holdId).orElseThrow(), true);
  }

  private HoldResult returnInTransaction(
      UUID holdId, long amountMinor, UUID sourceId, String requestedBy, String reason) {
    Optional<HoldView> found = holds.lock(holdId);
    if (found.isEmpty()) {
      return notFound(holdId);
    }
    HoldView hold = found.get();
    if (!hold.isCaptured()) {
      return conflict("HOLD_NOT_CAPTURED", "hold " + holdId + " is " + hold.state());
    }
    if (amountMinor <= 0 || amountMinor > hold.capturedMinor()) {
      return invalid(
          "RETURN_EXCEEDS_CAPTURED",
          "hold "
              + holdId
              + " paid out "
              + hold.capturedMinor()
              + "; cannot take back "
              + amountMinor);
    }
    LocalDate lastClosed = books.lastClosedDate();
    AccountSpec held = holds.account(hold.accountCode()).orElseThrow();
    AccountSpec counter = holds.account(hold.counterAccountCode()).orElseThrow();
    List<AccountState> accounts = books.ensureAndLockAccounts(List.of(held, counter));
    Instant bookedAt = bookingInstant(accounts);
    LocalDate effectiveDate = calendar.effectiveDate(bookedAt, lastClosed);
    Books ledger = new Books(accounts);
    // The capture mirrored: the held account gets the money back from the counter account.
    Side back = held.type().normalSide();
    EntryDraft draft =
        new EntryDraft(
            EntryIds.forSource(sourceId),
            EntryType.REVERSAL,
            null,
            "return of hold "
                + holdId
                + " ("
                + amountMinor
                + " of "
                + hold.capturedMinor()
                + "): "
                + reason,
            hold.captureEntryId(),
            requestedBy,
            null,
            reason,
            List.of(
                new PostingDraft(held, back, amountMinor),
                new PostingDraft(counter, back.opposite(), amountMinor)));
    Books.Result result =
        ledger.post(draft, sourceId, SourceType.OPERATOR, effectiveDate, bookedAt);
    if (result instanceof Books.Refused refused) {
      return invalid(refused.refusal().code(), refused.refusal().reason());
    }
    write(((Books.Booked) result).entry(), bookedAt, effectiveDate, ledger);
    return new HoldResult.Done(hold, true);
  }

  /** Writes one entry booked outside a consumed batch, published in the calling thread's trace. */
  private void write(BookedEntry entry, Instant bookedAt, LocalDate effectiveDate, Books ledger) {
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
  }

  private static EntryDraft settlement(
      HoldView hold,
      long captured,
      AccountSpec held,
      AccountSpec counter,
      String requestedBy,
      String approvedBy) {
    // The held account gives the money up, whatever its type's normal side.
    Side out = held.type().normalSide().opposite();
    String part =
        captured == hold.amountMinor()
            ? ""
            : " (" + captured + " of " + hold.amountMinor() + ", the rest released)";
    return new EntryDraft(
        EntryIds.forSource(sourceId(hold.holdId())),
        EntryType.SETTLEMENT,
        null,
        "capture of hold " + hold.holdId() + part + ": " + hold.reason(),
        null,
        requestedBy == null ? hold.requestedBy() : requestedBy,
        approvedBy,
        hold.reason(),
        List.of(
            new PostingDraft(held, out, captured),
            new PostingDraft(counter, out.opposite(), captured)));
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
