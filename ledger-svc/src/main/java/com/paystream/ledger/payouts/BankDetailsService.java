package com.paystream.ledger.payouts;

import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.approvals.ApprovalView;
import com.paystream.ledger.audit.Act;
import com.paystream.ledger.payouts.persistence.BankDetailsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A merchant's payout bank details change only under four eyes, whatever the amount: a change is
 * recorded as a pending version with its approval request (audited as REQUESTED, the IBAN masked),
 * and becomes the version payouts use when another operator approves it ({@link
 * BankDetailsApproval}). Versions are append-only; the newest approved one applies.
 */
public final class BankDetailsService {

  private static final int PENDING_SHOWN = 20;

  private final TransactionTemplate transactions;
  private final BankDetailsStore store;
  private final ApprovalService approvals;
  private final Clock clock;

  public BankDetailsService(
      TransactionTemplate transactions,
      BankDetailsStore store,
      ApprovalService approvals,
      Clock clock) {
    this.transactions = transactions;
    this.store = store;
    this.approvals = approvals;
    this.clock = clock;
  }

  /** A change asked for: the pending version and the approval it waits for. */
  public record Requested(BankDetailsView details, ApprovalView approval) {}

  /** The approved version and the versions still waiting for approval (newest first). */
  public record Current(Optional<BankDetailsView> approved, List<BankDetailsView> pending) {}

  /** Records a pending version and its approval request, in one transaction. */
  public Requested requestChange(Act act, String merchantId, Iban iban, String holderName) {
    UUID changeId = UUID.randomUUID();
    return transactions.execute(
        status -> {
          ApprovalView approval =
              approvals.request(
                  act,
                  BankDetailsApproval.ACTION,
                  merchantId,
                  BankDetailsApproval.payload(changeId),
                  0,
                  "",
                  "payout bank details of merchant "
                      + merchantId
                      + ": "
                      + iban.masked()
                      + ", "
                      + holderName);
          store.insert(
              changeId, merchantId, iban, holderName, act.actor(), now(), approval.approvalId());
          return new Requested(store.find(changeId).orElseThrow(), approval);
        });
  }

  /** The version payouts use. Joins the caller's transaction. */
  public Optional<BankDetailsView> approved(String merchantId) {
    return transactions.execute(status -> store.approved(merchantId));
  }

  /** The approved version and the pending ones whose approval can still be given. */
  public Current current(String merchantId) {
    return transactions.execute(
        status -> {
          List<BankDetailsView> pending =
              store.unapproved(merchantId, PENDING_SHOWN).stream()
                  .filter(
                      version ->
                          approvals
                              .find(version.approvalId())
                              .map(a -> ApprovalView.PENDING.equals(a.state()))
                              .orElse(false))
                  .toList();
          return new Current(store.approved(merchantId), pending);
        });
  }

  /** Makes the version the one in use, as {@code approvedBy} approved it (the approval's call). */
  Optional<BankDetailsView> approve(UUID changeId, String approvedBy) {
    Optional<BankDetailsView> version = store.find(changeId);
    version.ifPresent(v -> store.approve(changeId, approvedBy, now()));
    return version.flatMap(v -> store.find(changeId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
