package com.paystream.ledger.payouts;

import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.holds.HoldResult;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.holds.HoldView;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payouts.persistence.PayoutStore;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.input.InputPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books what the bank said about merchant payouts, exactly once per settlement (kind and payout id,
 * the contract's idempotency key): each record in one transaction with its dedupe record ({@code
 * merchant_payout_settlement}) and audit record, as the system ({@value #ACTOR}).
 *
 * <ul>
 *   <li>CONFIRMED, bank amount −P: captures P of the payout's hold (P below the hold: the rest is
 *       released in the same transaction); P above the hold is refused.
 *   <li>RETURNED, bank amount +R, before the capture: releases the hold (whatever R: nothing left
 *       our bank). After a capture: books R back to the merchant (a REVERSAL of the capture's
 *       entry: debit bank cash, credit the merchant), at most what was captured. After a release:
 *       nothing.
 * </ul>
 *
 * <p>What can never apply (an unknown payout, a wrong currency or sign, a confirmation above the
 * hold or of a released hold, a booking the books refuse) is dead-lettered: the dead letter the
 * caller composes goes into the outbox with the dedupe record, and the next record goes on.
 */
public final class PayoutSettlements {

  /** Who the captures, releases and returns name. */
  public static final String ACTOR = "system:merchant-payouts";

  private final TransactionTemplate transactions;
  private final PayoutStore store;
  private final HoldService holds;
  private final AuditTrail audit;
  private final JdbcBookingStore outbox;
  private final Clock clock;

  public PayoutSettlements(
      TransactionTemplate transactions,
      PayoutStore store,
      HoldService holds,
      AuditTrail audit,
      JdbcBookingStore outbox,
      Clock clock) {
    this.transactions = transactions;
    this.store = store;
    this.holds = holds;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Applies one settlement; {@code deadLetter} composes the dead letter of a refusal. A refusal by
   * the database of what the code accepted dead-letters the record in a transaction of its own.
   */
  public SettlementOutcome apply(
      SettlementNotice notice, Function<Refusal, OutboxMessage> deadLetter) {
    try {
      return transactions.execute(status -> applyInTransaction(notice, deadLetter, status));
    } catch (DataIntegrityViolationException e) {
      Refusal refused =
          new Refusal(Refusal.DATABASE_REFUSED, "the database refused the booking: " + rootOf(e));
      return deadLetter(
          notice.source(), notice.payoutId(), notice.kind().wireName(), refused, deadLetter);
    }
  }

  private SettlementOutcome deadLetter(
      SettlementNotice.Source source,
      String payoutId,
      String kind,
      Refusal refusal,
      Function<Refusal, OutboxMessage> deadLetter) {
    return transactions.execute(
        status -> {
          if (store.processed(source.key())) {
            return new SettlementOutcome.Duplicate(source.key());
          }
          outbox.writeOutbox(List.of(deadLetter.apply(refusal)));
          store.recordProcessed(
              source, payoutId, kind, "DEAD_LETTERED", null, null, refusal.code(), now());
          return new SettlementOutcome.DeadLettered(refusal.code(), refusal.reason());
        });
  }

  private SettlementOutcome applyInTransaction(
      SettlementNotice notice,
      Function<Refusal, OutboxMessage> deadLetter,
      org.springframework.transaction.TransactionStatus status) {
    if (store.processed(notice.source().key())) {
      return new SettlementOutcome.Duplicate(notice.source().key());
    }
    SettlementOutcome outcome = decide(notice);
    String name;
    UUID entryId = null;
    String code = null;
    if (outcome instanceof SettlementOutcome.DeadLettered dead) {
      name = "DEAD_LETTERED";
      code = dead.code();
      outbox.writeOutbox(List.of(deadLetter.apply(new Refusal(dead.code(), dead.reason()))));
    } else if (outcome instanceof SettlementOutcome.Applied applied) {
      name = "APPLIED";
      entryId = applied.entryId();
    } else {
      name = "NO_EFFECT";
    }
    boolean first =
        store.recordProcessed(
            notice.source(),
            notice.payoutId(),
            notice.kind().wireName(),
            name,
            notice.bankAmountMinor(),
            entryId,
            code,
            now());
    if (!first) {
      // Another instance (a zombie of this group) recorded it meanwhile: its booking stands.
      status.setRollbackOnly();
      return new SettlementOutcome.Duplicate(notice.source().key());
    }
    return outcome;
  }

  private SettlementOutcome decide(SettlementNotice notice) {
    Optional<PayoutRow> found =
        PayoutId.isPayoutId(notice.payoutId()) ? store.find(notice.payoutId()) : Optional.empty();
    if (found.isEmpty()) {
      return dead("UNKNOWN_PAYOUT", "no merchant payout " + InputPolicy.echo(notice.payoutId()));
    }
    PayoutRow payout = found.get();
    if (!payout.currency().equals(notice.currency())) {
      return dead(
          Refusal.CURRENCY_MISMATCH,
          "payout %s is in %s, the bank's %s"
              .formatted(
                  payout.payoutId(), payout.currency(), InputPolicy.echo(notice.currency())));
    }
    Optional<HoldView> hold = holds.find(payout.holdId());
    if (hold.isEmpty()) {
      return dead(
          "PAYOUT_NOT_HELD",
          "payout " + payout.payoutId() + " holds no money (not approved); an operator must look");
    }
    return switch (notice.kind()) {
      case CONFIRMED -> confirm(notice, payout, hold.get());
      case RETURNED -> returned(notice, payout, hold.get());
    };
  }

  private SettlementOutcome confirm(SettlementNotice notice, PayoutRow payout, HoldView hold) {
    if (notice.bankAmountMinor() >= 0) {
      return dead(
          Refusal.INVALID_AMOUNT,
          "a confirmed merchant payout debits our bank: the amount must be negative, was "
              + notice.bankAmountMinor());
    }
    long paid = -notice.bankAmountMinor();
    if (paid > hold.amountMinor()) {
      return dead(
          "CONFIRMATION_EXCEEDS_HOLD",
          "the bank paid %d for payout %s, which holds %d"
              .formatted(paid, payout.payoutId(), hold.amountMinor()));
    }
    if (HoldView.RELEASED.equals(hold.state())) {
      return dead(
          "HOLD_RELEASED",
          "payout " + payout.payoutId() + " was released before the bank confirmed it");
    }
    if (hold.isCaptured()) {
      return hold.capturedMinor() == paid
          ? new SettlementOutcome.NoEffect(payout.payoutId(), "captured already")
          : dead(
              "HOLD_ALREADY_CAPTURED",
              "payout %s was captured with %d, the bank paid %d"
                  .formatted(payout.payoutId(), hold.capturedMinor(), paid));
    }
    HoldResult result = holds.capture(hold.holdId(), paid, ACTOR, null);
    if (result instanceof HoldResult.Refused refused) {
      return dead(refused.code(), refused.reason());
    }
    HoldView captured = ((HoldResult.Done) result).hold();
    String what =
        paid == hold.amountMinor()
            ? "captured " + paid
            : "captured " + paid + " of " + hold.amountMinor() + ", the rest released";
    record(notice, what);
    return new SettlementOutcome.Applied(payout.payoutId(), what, captured.captureEntryId());
  }

  private SettlementOutcome returned(SettlementNotice notice, PayoutRow payout, HoldView hold) {
    if (notice.bankAmountMinor() <= 0) {
      return dead(
          Refusal.INVALID_AMOUNT,
          "a returned merchant payout credits our bank: the amount must be positive, was "
              + notice.bankAmountMinor());
    }
    if (HoldView.RELEASED.equals(hold.state())) {
      return new SettlementOutcome.NoEffect(payout.payoutId(), "released already");
    }
    if (hold.isOpen()) {
      HoldResult result = holds.release(hold.holdId(), ACTOR);
      if (result instanceof HoldResult.Refused refused) {
        return dead(refused.code(), refused.reason());
      }
      record(notice, "released (returned before its capture)");
      return new SettlementOutcome.Applied(payout.payoutId(), "released", null);
    }
    UUID sourceId =
        UUID.nameUUIDFromBytes(
            ("paystream-ledger/merchant-payout-return/" + payout.payoutId())
                .getBytes(StandardCharsets.UTF_8));
    HoldResult result =
        holds.bookReturn(
            hold.holdId(),
            notice.bankAmountMinor(),
            sourceId,
            ACTOR,
            "the bank returned merchant payout " + payout.payoutId());
    if (result instanceof HoldResult.Refused refused) {
      return dead(refused.code(), refused.reason());
    }
    String what = "returned " + notice.bankAmountMinor() + " to the merchant";
    record(notice, what);
    return new SettlementOutcome.Applied(payout.payoutId(), what, EntryIds.forSource(sourceId));
  }

  private void record(SettlementNotice notice, String what) {
    audit.record(
        new Act(ACTOR, "SYSTEM", "", notice.source().key(), ""),
        notice.kind() == SettlementNotice.Kind.CONFIRMED
            ? "merchant-payout.confirm"
            : "merchant-payout.return",
        notice.payoutId(),
        AuditOutcome.ACCEPTED,
        what);
  }

  private static SettlementOutcome dead(String code, String reason) {
    return new SettlementOutcome.DeadLettered(code, reason);
  }

  private static String rootOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return InputPolicy.echo(String.valueOf(root.getMessage()));
  }

  private java.time.Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
