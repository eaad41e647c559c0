package com.paystream.ledger.payouts;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.approvals.ApprovalView;
import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.calendar.BusinessCalendar;
import com.paystream.ledger.holds.HoldResult;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.holds.HoldView;
import com.paystream.ledger.holds.PlaceHold;
import com.paystream.ledger.payouts.persistence.PayoutStore;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks for merchant payouts. One transaction per request, serialized per merchant and currency (an
 * advisory lock) so that the daily limit holds under concurrent requests: a replay of the
 * idempotency key returns the payout it made; the limits and the approved bank details are checked;
 * above the four-eyes threshold the payout is recorded with its approval request and holds nothing
 * until another operator approves it ({@link PayoutApproval}); otherwise its hold is placed at
 * once: the amount moves from the merchant's available to its frozen balance, to be paid to {@code
 * bank-cash:<CUR>} when the bank confirms the transfer. A refused hold (insufficient funds) leaves
 * nothing written.
 */
public final class PayoutService {

  /** The audit and approval action of a payout request. */
  public static final String ACTION = "merchant-payout.request";

  private final TransactionTemplate transactions;
  private final PayoutStore store;
  private final HoldService holds;
  private final BankDetailsService bankDetails;
  private final ApprovalService approvals;
  private final AuditTrail audit;
  private final JdbcBookingStore books;
  private final BusinessCalendar calendar;
  private final PayoutPolicy policy;
  private final Clock clock;

  public PayoutService(
      TransactionTemplate transactions,
      PayoutStore store,
      HoldService holds,
      BankDetailsService bankDetails,
      ApprovalService approvals,
      AuditTrail audit,
      JdbcBookingStore books,
      BusinessCalendar calendar,
      PayoutPolicy policy,
      Clock clock) {
    this.transactions = transactions;
    this.store = store;
    this.holds = holds;
    this.bankDetails = bankDetails;
    this.approvals = approvals;
    this.audit = audit;
    this.books = books;
    this.calendar = calendar;
    this.policy = policy;
    this.clock = clock;
  }

  public PayoutResult request(Act act, RequestPayout request) {
    PayoutId payoutId = PayoutId.of(request.merchantId(), request.idempotencyKey());
    return transactions.execute(
        status -> {
          store.lockMerchant(request.merchantId(), request.currency());
          Optional<PayoutRow> existing = store.find(payoutId.value());
          if (existing.isPresent()) {
            return replay(existing.get(), request);
          }
          Optional<PayoutResult.Refused> refused = refusal(request);
          if (refused.isPresent()) {
            return refused.get();
          }
          BankDetailsView bank = bankDetails.approved(request.merchantId()).orElse(null);
          if (bank == null) {
            return new PayoutResult.Refused(
                PayoutResult.Kind.CONFLICT,
                "NO_APPROVED_BANK_DETAILS",
                "merchant "
                    + request.merchantId()
                    + " has no approved payout bank details; PUT them and have them approved");
          }
          String reason =
              "payout "
                  + payoutId
                  + " of "
                  + request.amountMinor()
                  + " "
                  + request.currency()
                  + " to "
                  + bank.ibanMasked();
          if (policy.needsSecondOperator(request.amountMinor(), request.currency())) {
            ApprovalView approval =
                approvals.request(
                    act,
                    ACTION,
                    payoutId.value(),
                    PayoutApproval.payload(payoutId),
                    request.amountMinor(),
                    request.currency(),
                    reason);
            PayoutRow row = row(payoutId, request, bank, act, approval.approvalId());
            store.insert(row);
            return new PayoutResult.AwaitingApproval(view(row), approval);
          }
          PayoutRow row = row(payoutId, request, bank, act, null);
          store.insert(row);
          HoldResult held = placeHold(row);
          if (held instanceof HoldResult.Refused no) {
            status.setRollbackOnly();
            return new PayoutResult.Refused(
                PayoutResult.Kind.valueOf(no.kind().name()), no.code(), no.reason());
          }
          audit.record(act, ACTION, payoutId.value(), AuditOutcome.ACCEPTED, reason);
          return new PayoutResult.Held(view(row));
        });
  }

  /** The merchant's payout, as it is now. */
  public Optional<PayoutView> find(String merchantId, String payoutId) {
    return transactions.execute(
        status ->
            store
                .find(payoutId)
                .filter(row -> row.merchantId().equals(merchantId))
                .map(this::view));
  }

  /** Places the hold of an approved payout (its approval's transaction); refused as the hold is. */
  HoldResult approve(String payoutId) {
    Optional<PayoutRow> row = store.find(payoutId);
    if (row.isEmpty()) {
      return new HoldResult.Refused(
          HoldResult.Kind.NOT_FOUND, "UNKNOWN_PAYOUT", "no merchant payout " + payoutId);
    }
    return placeHold(row.get());
  }

  Optional<PayoutView> view(String payoutId) {
    return store.find(payoutId).map(this::view);
  }

  private PayoutResult replay(PayoutRow existing, RequestPayout request) {
    if (existing.amountMinor() == request.amountMinor()
        && existing.currency().equals(request.currency())) {
      return new PayoutResult.Replayed(view(existing));
    }
    return new PayoutResult.Refused(
        PayoutResult.Kind.CONFLICT,
        "IDEMPOTENCY_KEY_REUSED",
        "payout " + existing.payoutId() + " was asked with this idempotency key and other terms");
  }

  /** The merchant's account and limits; empty when the payout may go on. */
  private Optional<PayoutResult.Refused> refusal(RequestPayout request) {
    Currency currency = Money.currency(request.currency());
    String account = ChartOfAccounts.merchant(request.merchantId(), currency).code();
    if (!store.accountExists(account)) {
      return Optional.of(
          new PayoutResult.Refused(
              PayoutResult.Kind.NOT_FOUND,
              "UNKNOWN_ACCOUNT",
              "merchant " + request.merchantId() + " has no account in " + request.currency()));
    }
    PayoutPolicy.Limits limits = policy.limitsOf(request.merchantId());
    if (request.amountMinor() > limits.maxPerPayoutMinor()) {
      return Optional.of(
          new PayoutResult.Refused(
              PayoutResult.Kind.INVALID,
              "PAYOUT_LIMIT_EXCEEDED",
              "a payout of merchant %s may be at most %d (minor units of %s); asked %d"
                  .formatted(
                      request.merchantId(),
                      limits.maxPerPayoutMinor(),
                      request.currency(),
                      request.amountMinor())));
    }
    LocalDate day = calendar.businessDateOf(now());
    long already = store.requestedOn(request.merchantId(), request.currency(), day);
    if (already + request.amountMinor() > limits.maxPerDayMinor()) {
      return Optional.of(
          new PayoutResult.Refused(
              PayoutResult.Kind.INVALID,
              "DAILY_PAYOUT_LIMIT_EXCEEDED",
              ("merchant %s may be paid out at most %d (minor units of %s) per business day;"
                      + " %d is requested on %s already, %d more would exceed it")
                  .formatted(
                      request.merchantId(),
                      limits.maxPerDayMinor(),
                      request.currency(),
                      already,
                      day,
                      request.amountMinor())));
    }
    return Optional.empty();
  }

  private PayoutRow row(
      PayoutId payoutId,
      RequestPayout request,
      BankDetailsView bank,
      Act act,
      java.util.UUID approvalId) {
    Instant now = now();
    return new PayoutRow(
        payoutId.value(),
        request.merchantId(),
        request.idempotencyKey(),
        request.amountMinor(),
        request.currency(),
        calendar.businessDateOf(now),
        payoutId.holdId(),
        bank.changeId(),
        bank.ibanMasked(),
        bank.holderName(),
        act.actor(),
        now,
        approvalId);
  }

  /**
   * The payout's hold: the merchant's money towards our bank cash. Both accounts are locked first,
   * in the order every booking locks accounts, and bank cash is opened if this is its first use.
   */
  private HoldResult placeHold(PayoutRow row) {
    Currency currency = Money.currency(row.currency());
    AccountSpec merchant = ChartOfAccounts.merchant(row.merchantId(), currency);
    AccountSpec bankCash = ChartOfAccounts.bankCash(currency);
    books.ensureAndLockAccounts(List.of(merchant, bankCash));
    Instant expiresAt = policy.holdExpiresAfter().map(after -> now().plus(after)).orElse(null);
    return holds.place(
        new PlaceHold(
            row.holdId(),
            merchant.code(),
            bankCash.code(),
            row.amountMinor(),
            row.currency(),
            "merchant payout " + row.payoutId() + " to " + row.ibanMasked(),
            row.requestedBy(),
            expiresAt));
  }

  private PayoutView view(PayoutRow row) {
    Optional<HoldView> hold = holds.find(row.holdId());
    long returned = store.returned(row.payoutId());
    String state;
    if (hold.isEmpty()) {
      state =
          row.approvalId() == null
              ? PayoutView.REQUESTED
              : approvals
                  .find(row.approvalId())
                  .map(
                      a ->
                          ApprovalView.PENDING.equals(a.state())
                              ? PayoutView.AWAITING_APPROVAL
                              : a.state())
                  .orElse(PayoutView.REQUESTED);
    } else {
      state = returned > 0 ? PayoutView.RETURNED : hold.get().state();
    }
    return new PayoutView(
        row.payoutId(),
        row.merchantId(),
        row.amountMinor(),
        row.currency(),
        state,
        row.holdId(),
        hold.map(HoldView::capturedMinor).orElse(0L),
        returned,
        row.businessDate(),
        row.ibanMasked(),
        row.holderName(),
        row.requestedBy(),
        row.requestedAt(),
        row.approvalId(),
        hold.map(HoldView::expiresAt).orElse(null));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
