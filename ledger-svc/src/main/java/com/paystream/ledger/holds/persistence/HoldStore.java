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
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hold rows; every method runs inside the caller's transaction. */
public final class HoldStore {

  private static final String VIEW =
      "select h.id, h.account_id, a.code, h.counter_account, h.amount_minor, h.currency,"
          + " h.reason, h.requested_by, coalesce(s.outcome, 'HELD') as state, h.created_at,"
          + " s.settled_at, s.entry_id from hold h join account a on a.id = h.account_id"
          + " left join hold_settlement s on s.hold_id = h.id where h.id = ?";

  private final JdbcClient jdbc;

  public HoldStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The hold, its row locked so that two settlements of it queue up. */
  public Optional<HoldView> lock(UUID holdId) {
    return jdbc.sql(VIEW + " for update of h").param(holdId).query(HoldStore::view).optional();
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
      Instant at) {
    jdbc.sql(
            "insert into hold (id, account_id, counter_account, amount_minor, currency, reason,"
                + " requested_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            holdId,
            UUID.fromString(accountId.value()),
            counterAccount,
            amount.minor(),
            amount.currencyCode(),
            reason,
            requestedBy,
            Timestamp.from(at))
        .update();
  }

  public void settle(UUID holdId, String outcome, UUID entryId, Instant at) {
    jdbc.sql(
            "insert into hold_settlement (hold_id, outcome, entry_id, settled_at)"
                + " values (?, ?, ?, ?)")
        .params(holdId, outcome, entryId, Timestamp.from(at))
        .update();
  }

  private static HoldView view(ResultSet rs, int row) throws SQLException {
    Timestamp settledAt = rs.getTimestamp("settled_at");
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
        rs.getObject("entry_id", UUID.class));
  }
}
