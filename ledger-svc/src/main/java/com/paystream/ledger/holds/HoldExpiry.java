package com.paystream.ledger.holds;

import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.platform.audit.AuditOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases open holds past their deadline, as the system: one transaction per round locks up to
 * {@code batchSize} of them ({@code FOR UPDATE SKIP LOCKED}, so several ledger instances share the
 * work instead of queueing on it), releases each under its own lock (a capture or another expirer
 * that committed first wins; the settlement's primary key would refuse a second one anyway), and
 * audits each release as {@value #ACTOR} ({@code hold.expire}) in the same transaction.
 */
public final class HoldExpiry {

  /** Who the settlement and the audit record name. */
  public static final String ACTOR = "system:hold-expiry";

  public static final String ACTION = "hold.expire";

  private final TransactionTemplate transactions;
  private final HoldService holds;
  private final AuditTrail audit;
  private final Clock clock;
  private final int batchSize;

  public HoldExpiry(
      TransactionTemplate transactions,
      HoldService holds,
      AuditTrail audit,
      Clock clock,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive");
    }
    this.transactions = transactions;
    this.holds = holds;
    this.audit = audit;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Releases every hold due now, round after round; the holds this call released. */
  public List<UUID> releaseDue() {
    List<UUID> released = new java.util.ArrayList<>();
    while (true) {
      List<UUID> round = releaseRound(clock.instant());
      released.addAll(round);
      if (round.size() < batchSize) {
        return released;
      }
    }
  }

  /** One round: at most {@code batchSize} holds due at {@code now}. */
  List<UUID> releaseRound(Instant now) {
    return transactions.execute(
        status -> {
          List<UUID> released = new java.util.ArrayList<>();
          for (UUID holdId : holds.lockExpired(now, batchSize)) {
            HoldResult result = holds.release(holdId, ACTOR);
            if (result instanceof HoldResult.Done done && done.created()) {
              audit.record(
                  new Act(ACTOR, "SYSTEM", "", "hold-expiry:" + holdId, ""),
                  ACTION,
                  holdId.toString(),
                  AuditOutcome.ACCEPTED,
                  "released at its deadline " + done.hold().expiresAt());
              released.add(holdId);
            }
          }
          return released;
        });
  }
}
