package com.paystream.ledger.journal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads entries with their postings in one query each (entries of a payment are few). */
public final class JournalQueries {

  private static final String SELECT =
      "select e.id, e.source_event_id, e.source_type, e.entry_type, e.payment_id,"
          + " e.effective_date, e.booked_at, e.description, e.reverses_id, e.requested_by,"
          + " e.approved_by, e.trace_id,"
          + " e.reason, p.line_no, p.account_id, a.code, p.side, p.amount_minor, p.currency,"
          + " p.balance_after_minor, p.account_seq"
          + " from journal_entry e join posting p on p.entry_id = e.id"
          + " join account a on a.id = p.account_id";

  private final JdbcClient jdbc;

  public JournalQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<EntryView> entry(UUID entryId) {
    List<EntryView> entries =
        jdbc.sql(SELECT + " where e.id = ? order by p.line_no")
            .param(entryId)
            .query(JournalQueries::collect);
    return entries.stream().findFirst();
  }

  public List<EntryView> entriesOfPayment(String paymentId) {
    return jdbc.sql(SELECT + " where e.payment_id = ? order by e.seq, p.line_no")
        .param(paymentId)
        .query(JournalQueries::collect);
  }

  private static List<EntryView> collect(ResultSet rs) throws SQLException {
    Map<UUID, EntryView> entries = new LinkedHashMap<>();
    while (rs.next()) {
      UUID id = rs.getObject("id", UUID.class);
      EntryView entry = entries.get(id);
      if (entry == null) {
        entry = entry(rs, id);
        entries.put(id, entry);
      }
      entry.postings().add(posting(rs));
    }
    return List.copyOf(entries.values());
  }

  private static EntryView entry(ResultSet rs, UUID id) throws SQLException {
    return new EntryView(
        id,
        rs.getObject("source_event_id", UUID.class),
        rs.getString("source_type"),
        rs.getString("entry_type"),
        rs.getString("payment_id"),
        rs.getDate("effective_date").toLocalDate(),
        rs.getTimestamp("booked_at").toInstant(),
        rs.getString("description"),
        rs.getObject("reverses_id", UUID.class),
        rs.getString("requested_by"),
        rs.getString("approved_by"),
        rs.getString("reason"),
        rs.getString("trace_id"),
        new ArrayList<>());
  }

  private static EntryView.PostingView posting(ResultSet rs) throws SQLException {
    return new EntryView.PostingView(
        rs.getInt("line_no"),
        rs.getObject("account_id", UUID.class),
        rs.getString("code"),
        rs.getString("side"),
        rs.getLong("amount_minor"),
        rs.getString("currency"),
        rs.getLong("balance_after_minor"),
        rs.getLong("account_seq"));
  }
}
