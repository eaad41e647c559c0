package com.paystream.ledger.payouts.persistence;

import com.paystream.ledger.payouts.PayoutRow;
import com.paystream.ledger.payouts.SettlementNotice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merchant payouts and the bank's answers about them; every method in the caller's transaction. */
public final class PayoutStore {

  // Namespace of the merchant payouts' advisory locks (two-key form, apart from the payments').
  private static final int PAYOUT_LOCKS = 0x4d504f55;

  private static final String ROW =
      "select p.payout_id, p.merchant_id, p.idempotency_key, p.amount_minor, p.currency,"
          + " p.business_date, p.hold_id, p.bank_details_id, b.iban_masked, b.holder_name,"
          + " p.requested_by, p.requested_at, p.approval_id"
          + " from merchant_payout p join merchant_bank_details b on b.change_id = p.bank_details_id";

  private final JdbcClient jdbc;

  public PayoutStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serializes the payout requests of one merchant and currency until the transaction ends, so that
   * two requests cannot both pass the daily limit.
   */
  public void lockMerchant(String merchantId, String currency) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
        .params(PAYOUT_LOCKS, merchantId + ":" + currency)
        .query((rs, n) -> 1)
        .list();
  }

  public boolean accountExists(String code) {
    return jdbc.sql("select count(*) from account where code = ?")
            .param(code)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<PayoutRow> find(String payoutId) {
    return jdbc.sql(ROW + " where p.payout_id = ?")
        .param(payoutId)
        .query(PayoutStore::row)
        .optional();
  }

  public void insert(PayoutRow payout) {
    jdbc.sql(
            "insert into merchant_payout (payout_id, merchant_id, idempotency_key, amount_minor,"
                + " currency, business_date, hold_id, bank_details_id, requested_by, requested_at,"
                + " approval_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            payout.payoutId(),
            payout.merchantId(),
            payout.idempotencyKey(),
            payout.amountMinor(),
            payout.currency(),
            payout.businessDate(),
            payout.holdId(),
            payout.bankDetailsId(),
            payout.requestedBy(),
            Timestamp.from(payout.requestedAt()),
            payout.approvalId())
        .update();
  }

  /**
   * What a merchant's payouts of one currency and business date may still pay or have paid: every
   * payout but those whose approval was rejected or expired and those released without a capture.
   */
  public long requestedOn(String merchantId, String currency, LocalDate businessDate) {
    return jdbc.sql(
            "select coalesce(sum(p.amount_minor), 0) from merchant_payout p"
                + " where p.merchant_id = ? and p.currency = ? and p.business_date = ?"
                + " and not exists (select 1 from approval_decision d"
                + "   where d.request_id = p.approval_id and d.verdict in ('REJECTED', 'EXPIRED'))"
                + " and not exists (select 1 from hold_settlement s"
                + "   where s.hold_id = p.hold_id and s.outcome = 'RELEASED')")
        .params(merchantId, currency, businessDate)
        .query(Long.class)
        .single();
  }

  /** What the bank returned of a payout and the ledger booked back (0 for none). */
  public long returned(String payoutId) {
    return jdbc.sql(
            "select coalesce(sum(bank_amount_minor), 0) from merchant_payout_settlement"
                + " where payout_id = ? and kind = 'MERCHANT_PAYOUT_RETURNED'"
                + " and outcome = 'APPLIED' and entry_id is not null")
        .param(payoutId)
        .query(Long.class)
        .single();
  }

  /**
   * Where this group resumes each partition of {@code topic}: the offset after the highest one it
   * recorded; partitions of which nothing is recorded are absent.
   */
  public Map<Integer, Long> nextOffsets(String topic, Collection<Integer> partitions) {
    Map<Integer, Long> next = new HashMap<>();
    jdbc.sql(
            "select source_partition, max(source_offset) + 1 from merchant_payout_settlement"
                + " where source_topic = ? and source_partition = any(?) group by source_partition")
        .param(topic)
        .param(partitions.toArray(Integer[]::new))
        .query((rs, n) -> next.put(rs.getInt(1), rs.getLong(2)))
        .list();
    return next;
  }

  /** Whether a settlement record was applied already (its dedupe record). */
  public boolean processed(String sourceKey) {
    return jdbc.sql("select count(*) from merchant_payout_settlement where source_key = ?")
            .param(sourceKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The dedupe record of a settlement record, with its outcome; false when another transaction
   * recorded it first (the caller then rolls back what it did).
   */
  public boolean recordProcessed(
      SettlementNotice.Source source,
      String payoutId,
      String kind,
      String outcome,
      Long bankAmountMinor,
      UUID entryId,
      String reasonCode,
      Instant at) {
    return jdbc.sql(
                "insert into merchant_payout_settlement (source_key, payout_id, kind, outcome,"
                    + " bank_amount_minor, entry_id, reason_code, source_topic, source_partition,"
                    + " source_offset, processed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (source_key) do nothing")
            .params(
                source.key(),
                payoutId,
                kind,
                outcome,
                bankAmountMinor,
                entryId,
                reasonCode,
                source.topic(),
                source.partition(),
                source.offset(),
                Timestamp.from(at))
            .update()
        == 1;
  }

  private static PayoutRow row(ResultSet rs, int n) throws SQLException {
    return new PayoutRow(
        rs.getString("payout_id"),
        rs.getString("merchant_id"),
        rs.getString("idempotency_key"),
        rs.getLong("amount_minor"),
        rs.getString("currency"),
        rs.getObject("business_date", LocalDate.class),
        rs.getObject("hold_id", UUID.class),
        rs.getObject("bank_details_id", UUID.class),
        rs.getString("iban_masked"),
        rs.getString("holder_name"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getObject("approval_id", UUID.class));
  }
}
