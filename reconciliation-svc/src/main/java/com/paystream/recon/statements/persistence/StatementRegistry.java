package com.paystream.recon.statements.persistence;

import com.paystream.recon.statements.ParsedStatementFile;
import com.paystream.recon.statements.StatementFormat;
import com.paystream.recon.statements.StatementLineDraft;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files received and the lines ingested. The primary key of {@code statement_line} is the
 * deduplication: {@link #registerNew} inserts the whole file's lines in one statement and learns
 * from {@code RETURNING} which of them were new. Everything here runs inside the caller's
 * transaction, so lines, file row and outbox rows commit together or not at all.
 */
public final class StatementRegistry {

  private static final String INSERT_LINES =
      "insert into statement_line (statement_id, line_id, file_id, format, account_reference,"
          + " provider, payment_reference, direction, amount_minor, currency, booking_date,"
          + " value_date, event_id, payout_reference)"
          + " select s, l, ?, ?, a, p, r, d, m, c, b, v, e, o from unnest(?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::date[],"
          + " ?::date[], ?::uuid[], ?::text[]) as t(s, l, a, p, r, d, m, c, b, v, e, o)"
          + " on conflict (statement_id, line_id) do nothing returning statement_id, line_id";

  private static final String INSERT_FILE =
      "insert into statement_file (file_id, channel, file_name, format, sha256, size_bytes,"
          + " accepted, statement_ids, total_lines, new_lines, error)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  public StatementRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What the file looked like when it arrived. */
  public record ReceivedFile(
      UUID fileId, String channel, String fileName, String sha256, long sizeBytes) {}

  /** A line registered for the first time, with the event id it is published under. */
  public record NewLine(StatementLineDraft line, UUID eventId) {}

  /**
   * Inserts the file's lines that were never ingested and returns them; the others are left alone.
   */
  public List<NewLine> registerNew(ReceivedFile file, ParsedStatementFile parsed) {
    if (parsed.lines().isEmpty()) {
      return List.of();
    }
    List<UUID> eventIds = new ArrayList<>(parsed.lines().size());
    parsed.lines().forEach(line -> eventIds.add(UUID.randomUUID()));
    Set<String> inserted =
        jdbc.execute((Connection connection) -> insertLines(connection, file, parsed, eventIds));
    List<NewLine> fresh = new ArrayList<>(inserted.size());
    for (int i = 0; i < parsed.lines().size(); i++) {
      StatementLineDraft line = parsed.lines().get(i);
      if (inserted.contains(line.statementId() + "\u0000" + line.lineId())) {
        fresh.add(new NewLine(line, eventIds.get(i)));
      }
    }
    return fresh;
  }

  private static Set<String> insertLines(
      Connection connection, ReceivedFile file, ParsedStatementFile parsed, List<UUID> eventIds)
      throws SQLException {
    List<StatementLineDraft> lines = parsed.lines();
    int n = lines.size();
    Object[][] columns = new Object[12][n];
    for (int i = 0; i < n; i++) {
      StatementLineDraft line = lines.get(i);
      columns[0][i] = line.statementId();
      columns[1][i] = line.lineId();
      columns[2][i] = line.accountReference();
      columns[3][i] = line.provider();
      columns[4][i] = line.paymentReference();
      columns[5][i] = line.direction().name();
      columns[6][i] = line.amount().minor();
      columns[7][i] = line.amount().currencyCode();
      columns[8][i] = Date.valueOf(line.bookingDate());
      columns[9][i] = line.valueDate() == null ? null : Date.valueOf(line.valueDate());
      columns[10][i] = eventIds.get(i);
      columns[11][i] = line.payoutReference();
    }
    String[] types = {
      "text", "text", "text", "text", "text", "text", "int8", "text", "date", "date", "uuid", "text"
    };
    try (PreparedStatement st = connection.prepareStatement(INSERT_LINES)) {
      st.setObject(1, file.fileId());
      st.setString(2, parsed.format().name());
      for (int c = 0; c < columns.length; c++) {
        Array array = connection.createArrayOf(types[c], columns[c]);
        st.setArray(3 + c, array);
      }
      Set<String> inserted = new HashSet<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getString(1) + "\u0000" + rs.getString(2));
        }
      }
      return inserted;
    }
  }

  /** Records an accepted file; call after {@link #registerNew} in the same transaction. */
  public void recordAccepted(ReceivedFile file, ParsedStatementFile parsed, int newLines) {
    insertFile(
        file, parsed.format(), true, parsed.statementIds(), parsed.lines().size(), newLines, null);
  }

  /** Records a refused file with the reason; nothing of it was ingested. */
  public void recordRefused(ReceivedFile file, StatementFormat format, String error) {
    insertFile(file, format, false, List.of(), 0, 0, error);
  }

  private void insertFile(
      ReceivedFile file,
      StatementFormat format,
      boolean accepted,
      List<String> statementIds,
      int totalLines,
      int newLines,
      String error) {
    jdbc.execute(
        (Connection connection) -> {
          try (PreparedStatement st = connection.prepareStatement(INSERT_FILE)) {
            st.setObject(1, file.fileId());
            st.setString(2, file.channel());
            st.setString(3, file.fileName());
            st.setString(4, format.name());
            st.setString(5, file.sha256());
            st.setLong(6, file.sizeBytes());
            st.setBoolean(7, accepted);
            st.setArray(8, connection.createArrayOf("text", statementIds.toArray()));
            st.setInt(9, totalLines);
            st.setInt(10, newLines);
            st.setString(11, error);
            return st.executeUpdate();
          }
        });
  }
}
