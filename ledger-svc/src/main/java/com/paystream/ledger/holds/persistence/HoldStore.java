package com.paystream.ledger.holds.persistence;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.AccountType;
import com.paystream.ledger.holds.HoldView;
import com.paystream.platform.ids.AccountId;
import com.paystream.platform.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hold rows; every method runs inside the caller's transaction. */
public final class HoldStore {

  private static final String CAPTURED =
      "case when s.outcome = 'CAPTURED' then coalesce(s.captured_minor, h.amount_minor) else 0 end";

  private static final String VIEW =
      "select h.id, h.account_id, a.code, h.counter_account, h.amount_minor, h.currency,"
          + " h.reason, h.requested_by, case when s.outcome = 'CAPTURED' and "
          + CAPTURED
          + " < h.amount_minor then 'PARTIALLY_CAPTURED' else coalesce(s.outcome, 'HELD') end"
          + " as state, h.created_at, s.settled_at, s.entry_id, "
          + CAPTURED
          + " as captured_minor, h.expires_at, s.settled_by"
          + " from hold h join account a on a.id = h.account_id"
          + " left join hold_settlement s on s.hold_id = h.id where h.id = ?";

  private final JdbcClient jdbc;

  public HoldStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The hold, its row locked so that two settlements of it queue up. */
  public Optional<HoldView> lock(UUID holdId) {
    return jdbc.sql(VIEW + " for update of h").param(holdId).query(HoldStore::view).optional();
  }

  /**
   * Up to {@code limit} open holds whose deadline is at or before {@code now}, oldest deadline
   * first, their rows locked. Rows another transaction holds (another instance expiring them, or an
   * operator capturing one) are skipped rather than waited for: several expirers share the work,
   * and each hold is settled again under its own lock ({@link #lock}), which sees a settlement
   * committed meanwhile.
   */
  public List<UUID> lockExpired(Instant now, int limit) {
    return jdbc.sql(
            "select h.id from hold h left join hold_settlement s on s.hold_id = h.id"
                + " where s.hold_id is null and h.expires_at <= ?"
                + " order by h.expires_at, h.id limit ? for update of h skip locked")
        .params(Timestamp.from(now), limit)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  public Optional<HoldView> find(UUID holdId) {
    return jdbc.sql(VIEW).param(holdId).query(HoldStore::view).optional();
  }

  public Optional<AccountSpec> account(String code) {
    return jdbc.sql(
            "select code, name, type, currency, overdraft_allowed from account where code = ?")
        .param(code)
        .query(
            (rs, n) ->
                new AccountSpec(
                    rs.getString(1),
                    rs.getString(2),
                    AccountType.valueOf(rs.getString(3)),
                    Money.currency(rs.getString(4)),
                    rs.getBoolean(5)))
        .optional();
  }

  public void insert(
      UUID holdId,
      AccountId accountId,
      String counterAccount,
      Money amount,
      String reason,
      String requestedBy,
      Instant at,
      Instant expiresAt) {
    jdbc.sql(
            "insert into hold (id, account_id, counter_account, amount_minor, currency, reason,"
                + " requested_by, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            holdId,
            UUID.fromString(accountId.value()),
            counterAccount,
            amount.minor(),
            amount.currencyCode(),
            reason,
            requestedBy,
            Timestamp.from(at),
            expiresAt == null ? null : Timestamp.from(expiresAt))
        .update();
  }

  /**
   * Settles the hold once (the primary key): {@code capturedMinor} is what the entry paid (null for
   * a release), {@code settledBy} who settled it.
   */
  public void settle(
      UUID holdId, String outcome, UUID entryId, Long capturedMinor, String settledBy, Instant at) {
    jdbc.sql(
            "insert into hold_settlement (hold_id, outcome, entry_id, captured_minor, settled_by,"
                + " settled_at) values (?, ?, ?, ?, ?, ?)")
        .params(holdId, outcome, entryId, capturedMinor, settledBy, Timestamp.from(at))
        .update();
  }

  private static HoldView view(ResultSet rs, int row) throws SQLException {
    Timestamp settledAt = rs.getTimestamp("settled_at");
    Timestamp expiresAt = rs.getTimestamp("expires_at");
    return new HoldView(
        rs.getObject("id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("code"),
        rs.getString("counter_account"),
        rs.getLong("amount_minor"),
        rs.getString("currency"),
        rs.getString("reason"),
        rs.getString("requested_by"),
        rs.getString("state"),
        rs.getTimestamp("created_at").toInstant(),
        settledAt == null ? null : settledAt.toInstant(),
        rs.getObject("entry_id", UUID.class),
        rs.getLong("captured_minor"),
        expiresAt == null ? null : expiresAt.toInstant(),
        rs.getString("settled_by"));
  }
}
