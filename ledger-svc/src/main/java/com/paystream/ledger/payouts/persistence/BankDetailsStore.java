package com.paystream.ledger.payouts.persistence;

import com.paystream.ledger.payouts.BankDetailsView;
import com.paystream.ledger.payouts.Iban;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merchant bank details: requested versions and their approvals, append-only; every method inside
 * the caller's transaction. The full IBAN is written here and never read back: views carry the
 * masked one.
 */
public final class BankDetailsStore {

  private static final String VIEW =
      "select b.change_id, b.merchant_id, b.iban_masked, b.holder_name, b.requested_by,"
          + " b.requested_at, b.approval_id, a.approved_by, a.approved_at"
          + " from merchant_bank_details b"
          + " left join merchant_bank_details_approval a on a.change_id = b.change_id";

  private final JdbcClient jdbc;

  public BankDetailsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID changeId,
      String merchantId,
      Iban iban,
      String holderName,
      String requestedBy,
      Instant at,
      UUID approvalId) {
    jdbc.sql(
            "insert into merchant_bank_details (change_id, merchant_id, iban, iban_masked,"
                + " holder_name, requested_by, requested_at, approval_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            changeId,
            merchantId,
            iban.number(),
            iban.masked(),
            holderName,
            requestedBy,
            Timestamp.from(at),
            approvalId)
        .update();
  }

  /** Records the approval; false when the version was approved already. */
  public boolean approve(UUID changeId, String approvedBy, Instant at) {
    return jdbc.sql(
                "insert into merchant_bank_details_approval (change_id, approved_by, approved_at)"
                    + " values (?, ?, ?) on conflict (change_id) do nothing")
            .params(changeId, approvedBy, Timestamp.from(at))
            .update()
        == 1;
  }

  public Optional<BankDetailsView> find(UUID changeId) {
    return jdbc.sql(VIEW + " where b.change_id = ?")
        .param(changeId)
        .query(BankDetailsStore::view)
        .optional();
  }

  /** The version payouts use: the one approved last. */
  public Optional<BankDetailsView> approved(String merchantId) {
    return jdbc.sql(
            VIEW
                + " where b.merchant_id = ? and a.change_id is not null"
                + " order by a.approved_at desc, b.change_id desc limit 1")
        .param(merchantId)
        .query(BankDetailsStore::view)
        .optional();
  }

  /** Versions not approved (yet), newest first, at most {@code limit}. */
  public List<BankDetailsView> unapproved(String merchantId, int limit) {
    return jdbc.sql(
            VIEW
                + " where b.merchant_id = ? and a.change_id is null"
                + " order by b.requested_at desc, b.change_id desc limit ?")
        .params(merchantId, limit)
        .query(BankDetailsStore::view)
        .list();
  }

  private static BankDetailsView view(ResultSet rs, int row) throws SQLException {
    Timestamp approvedAt = rs.getTimestamp("approved_at");
    return new BankDetailsView(
        rs.getObject("change_id", UUID.class),
        rs.getString("merchant_id"),
        rs.getString("iban_masked"),
        rs.getString("holder_name"),
        approvedAt == null ? BankDetailsView.PENDING : BankDetailsView.APPROVED,
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getObject("approval_id", UUID.class),
        rs.getString("approved_by"),
        approvedAt == null ? null : approvedAt.toInstant());
  }
}
