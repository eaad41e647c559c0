package com.paystream.ledger.accounts.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Balances and statements, each one indexed query on the posting table. */
public final class AccountQueries {

  private static final String ACCOUNT =
      "select id, code, name, type, currency, available_minor, frozen_minor, overdraft_allowed,"
          + " status, last_sequence, last_posted_at from account";
  // Booking times follow each account's sequence (the writer guarantees it), so the newest
  // posting at or before the instant carries the balance as of that instant.
  private static final String AS_OF =
      "select balance_after_minor, account_seq from posting where account_id = ?"
          + " and booked_at <= ? order by booked_at desc, account_seq desc limit 1";
  private static final String OPENING =
      "select balance_after_minor from posting where account_id = ? and account_seq < ?"
          + " order by account_seq desc limit 1";
  private static final String FIRST_SEQUENCE_OF_RANGE =
      "select min(account_seq) from posting where account_id = ? and effective_date >= ?";
  private static final String SNAPSHOT =
      "select last_sequence, closing_minor from account_balance_snapshot"
          + " where account_id = ? and business_date = ?";
  private static final String LINES =
      "select p.account_seq, p.entry_id, e.entry_type, e.payment_id, p.side, p.amount_minor,"
          + " p.balance_after_minor, p.effective_date, p.booked_at"
          + " from posting p join journal_entry e on e.id = p.entry_id"
          + " where p.account_id = ? and p.account_seq between ? and ?"
          + " and p.effective_date between ? and ? order by p.account_seq limit ?";

  private final JdbcClient jdbc;

  public AccountQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AccountView> account(UUID accountId) {
    return jdbc.sql(ACCOUNT + " where id = ?")
        .param(accountId)
        .query(AccountQueries::view)
        .optional();
  }

  public Optional<AccountView> accountByCode(String code) {
    return jdbc.sql(ACCOUNT + " where code = ?").param(code).query(AccountQueries::view).optional();
  }

  public BalanceAsOf balanceAsOf(AccountView account, Instant asOf) {
    return jdbc.sql(AS_OF)
        .param(account.accountId())
        .param(Timestamp.from(asOf))
        .query(
            (rs, n) ->
                new BalanceAsOf(
                    account.accountId(), account.currency(), asOf, rs.getLong(1), rs.getLong(2)))
        .optional()
        .orElse(new BalanceAsOf(account.accountId(), account.currency(), asOf, 0, 0));
  }

  /**
   * Lines from sequence {@code fromSequence} on (the cursor), else from the first line dated {@code
   * from} or later; at most {@code limit}. Closed dates bound the scan by their snapshots: the one
   * before {@code from} gives the first sequence and the opening balance, the one of {@code to} the
   * last sequence.
   */
  public Statement statement(
      AccountView account, LocalDate from, LocalDate to, Long fromSequence, int limit) {
    UUID id = account.accountId();
    Optional<long[]> before = snapshot(id, from.minusDays(1));
    long start;
    if (fromSequence != null) {
      start = fromSequence;
    } else if (before.isPresent()) {
      start = before.get()[0] + 1;
    } else {
      // min() answers one row, NULL when nothing is posted on or after from: no first sequence.
      List<Long> first =
          jdbc.sql(FIRST_SEQUENCE_OF_RANGE).param(id).param(from).query(Long.class).list();
      start = first.isEmpty() || first.get(0) == null ? account.lastSequence() + 1 : first.get(0);
    }
    long end = snapshot(id, to).map(s -> s[0]).orElse(Long.MAX_VALUE);
    List<Statement.Line> lines =
        jdbc.sql(LINES)
            .param(id)
            .param(start)
            .param(end)
            .param(from)
            .param(to)
            .param(limit + 1)
            .query(AccountQueries::line)
            .list();
    long opening =
        fromSequence == null && before.isPresent()
            ? before.get()[1]
            : jdbc.sql(OPENING).param(id).param(start).query(Long.class).optional().orElse(0L);
    String next = null;
    if (lines.size() > limit) {
      next = Long.toString(lines.get(limit).sequence());
      lines = lines.subList(0, limit);
    }
    return new Statement(id, account.currency(), from, to, opening, List.copyOf(lines), next);
  }

  /** Last sequence and closing balance of the account on a closed date. */
  private Optional<long[]> snapshot(UUID accountId, LocalDate date) {
    return jdbc.sql(SNAPSHOT)
        .param(accountId)
        .param(date)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional();
  }

  private static AccountView view(ResultSet rs, int row) throws SQLException {
    long available = rs.getLong("available_minor");
    long frozen = rs.getLong("frozen_minor");
    Timestamp lastPostedAt = rs.getTimestamp("last_posted_at");
    return new AccountView(
        rs.getObject("id", UUID.class),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("currency"),
        available + frozen,
        available,
        frozen,
        rs.getBoolean("overdraft_allowed"),
        rs.getString("status"),
        rs.getLong("last_sequence"),
        lastPostedAt == null ? null : lastPostedAt.toInstant());
  }

  private static Statement.Line line(ResultSet rs, int row) throws SQLException {
    return new Statement.Line(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getDate(8).toLocalDate(),
        rs.getTimestamp(9).toInstant());
  }
}
