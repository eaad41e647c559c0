package com.paystream.ledger.dayclose.persistence;

import com.paystream.ledger.dayclose.DayStatus;
import com.paystream.ledger.sealing.SignedSeal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL of closing a date. Each method runs inside the caller's transaction. */
public final class DayCloseStore {

  // Only ever from D-1 to D (a trigger refuses anything else); waits for posting transactions
  // that hold the calendar row FOR SHARE, so afterwards no entry can land on D or before.
  private static final String ADVANCE_CALENDAR =
      "update ledger_calendar set last_closed_date = ?, updated_at = now()"
          + " where last_closed_date is not distinct from ?";
  private static final String LOCK_CLOSE = "select pg_advisory_xact_lock(7108386572691456)";

  // First close: every posting up to D; later closes: the postings of D on top of D-1's closing.
  private static final String SNAPSHOT =
      "insert into account_balance_snapshot (business_date, account_id, currency, account_type,"
          + " opening_minor, debits_minor, credits_minor, closing_minor, last_sequence)"
          + " select ?, a.id, a.currency, a.type, coalesce(prev.closing_minor, 0),"
          + " coalesce(m.debits, 0), coalesce(m.credits, 0),"
          + " coalesce(prev.closing_minor, 0) + coalesce(m.delta, 0),"
          + " coalesce(m.last_seq, prev.last_sequence, 0)"
          + " from account a"
          + " left join account_balance_snapshot prev"
          + "   on prev.account_id = a.id and prev.business_date = ?"
          + " left join ("
          + "   select p.account_id,"
          + "     sum(p.amount_minor) filter (where p.side = 'DEBIT') as debits,"
          + "     sum(p.amount_minor) filter (where p.side = 'CREDIT') as credits,"
          + "     sum(case when (p.side = 'DEBIT') = (t.type in ('ASSET', 'EXPENSE'))"
          + "         then p.amount_minor else -p.amount_minor end) as delta,"
          + "     max(p.account_seq) as last_seq"
          + "   from posting p join account t on t.id = p.account_id"
          + "   where p.effective_date between ? and ?"
          + "   group by p.account_id) m on m.account_id = a.id";
  // The sum-based closing must equal the balance carried by the last posting: a mismatch means
  // the books are broken, and the close stops loudly rather than record it.
  private static final String CHAIN_MISMATCHES =
      "select count(*) from account_balance_snapshot s join posting p"
          + " on p.account_id = s.account_id and p.account_seq = s.last_sequence"
          + " where s.business_date = ? and s.last_sequence > 0"
          + " and p.balance_after_minor <> s.closing_minor";
  private static final String TRIAL_BALANCE =
      "insert into trial_balance (business_date, currency, debit_balances_minor,"
          + " credit_balances_minor, imbalance_minor, accounts)"
          + " select business_date, currency,"
          + " coalesce(sum(closing_minor) filter (where account_type in ('ASSET', 'EXPENSE')), 0),"
          + " coalesce(sum(closing_minor) filter (where account_type not in ('ASSET', 'EXPENSE')), 0),"
          + " coalesce(sum(closing_minor) filter (where account_type in ('ASSET', 'EXPENSE')), 0)"
          + " - coalesce(sum(closing_minor) filter (where account_type not in ('ASSET', 'EXPENSE')), 0),"
          + " count(*) from account_balance_snapshot where business_date = ?"
          + " group by business_date, currency";

  private final JdbcClient jdbc;

  public DayCloseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<LocalDate> lastClosedDate() {
    return jdbc.sql("select last_closed_date from ledger_calendar")
        .query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate))
        .single();
  }

  /** Moves the calendar from {@code previous} to {@code date}; false when it was elsewhere. */
  public boolean advanceCalendar(LocalDate date, LocalDate previous) {
    return jdbc.sql(ADVANCE_CALENDAR).param(date).param(previous).update() == 1;
  }

  public void lockClose() {
    jdbc.sql(LOCK_CLOSE).query((rs, n) -> 1).list();
  }

  public boolean isSnapshotted(LocalDate date) {
    return jdbc.sql("select count(*) from day_close where business_date = ?")
            .param(date)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Writes the close record, every account's snapshot and the trial balance of {@code date}. */
  public void snapshot(LocalDate date, boolean firstClose, Instant closedAt, SignedSeal seal) {
    jdbc.sql(
            "insert into day_close (business_date, closed_at, first_close, seal_version,"
                + " seal_hash, seal_signature, seal_key_id, seal_chains)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
        .param(date)
        .param(Timestamp.from(closedAt))
        .param(firstClose)
        .param(seal.seal().version())
        .param(seal.seal().hash())
        .param(seal.signature())
        .param(seal.keyId())
        .param(seal.seal().chains().size())
        .update();
    LocalDate from = firstClose ? LocalDate.of(1, 1, 1) : date;
    jdbc.sql(SNAPSHOT).param(date).param(date.minusDays(1)).param(from).param(date).update();
    long mismatches = jdbc.sql(CHAIN_MISMATCHES).param(date).query(Long.class).single();
    if (mismatches > 0) {
      throw new IllegalStateException(
          mismatches + " account(s) whose postings do not add up to their balance on " + date);
    }
    jdbc.sql(TRIAL_BALANCE).param(date).update();
  }

  public boolean anyClose() {
    return jdbc.sql("select exists (select 1 from day_close)").query(Boolean.class).single();
  }

  /** The close that covers {@code date}: its own, or the first close when it came before. */
  public Optional<Instant> closedAt(LocalDate date) {
    return jdbc.sql(
            "select closed_at from day_close where business_date = ?"
                + " or (first_close and business_date > ?) order by business_date limit 1")
        .param(date)
        .param(date)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** The seal of {@code date}'s own close record, if it has one. */
  public Optional<DayStatus.Seal> seal(LocalDate date) {
    return jdbc.sql(
            "select seal_hash, seal_signature, seal_key_id, seal_version, seal_chains"
                + " from day_close where business_date = ? and seal_hash is not null")
        .param(date)
        .query(
            (rs, n) ->
                new DayStatus.Seal(
                    HexFormat.of().formatHex(rs.getBytes(1)),
                    Base64.getEncoder().encodeToString(rs.getBytes(2)),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getInt(5)))
        .optional();
  }

  public List<DayStatus.TrialBalanceLine> trialBalance(LocalDate date) {
    return jdbc.sql(
            "select currency, debit_balances_minor, credit_balances_minor, imbalance_minor,"
                + " accounts from trial_balance where business_date = ? order by currency")
        .param(date)
        .query(
            (rs, n) ->
                new DayStatus.TrialBalanceLine(
                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)))
        .list();
  }
}
