package com.paystream.ledger.sealing.persistence;

import com.paystream.ledger.journal.EntryContent;
import com.paystream.ledger.sealing.ChainHead;
import com.paystream.ledger.sealing.StoredEntry;
import com.paystream.ledger.sealing.StoredSeal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the journal's chains straight from journal_entry and posting (never from the journal_chain
 * cache) and the seals from day_close. Chains are read page by page in sequence order, so a
 * verification holds one page in memory whatever the journal's size.
 */
public final class SealStore {

  // The distinct chains, by an index skip scan rather than a scan of the whole journal.
  private static final String CHAINS =
      "with recursive c(id) as ((select chain_id from journal_entry where chain_id is not null"
          + " order by chain_id limit 1) union all select (select chain_id from journal_entry"
          + " where chain_id > c.id order by chain_id limit 1) from c where c.id is not null)"
          + " select id from c where id is not null";
  private static final String HEAD_AS_OF =
      "select chain_seq, entry_hash from journal_entry where chain_id = ? and chain_id is not null"
          + " and effective_date <= ? order by chain_seq desc limit 1";
  private static final String RANGE =
      "select min(chain_seq), max(chain_seq) from journal_entry where chain_id = ?"
          + " and effective_date between ? and ?";
  private static final String LAST =
      "select max(chain_seq) from journal_entry where chain_id = ? and chain_id is not null";
  private static final String HASH_AT =
      "select entry_hash from journal_entry where chain_id = ? and chain_seq = ?";
  private static final String PAGE =
      "select seq, id, source_event_id, source_type, entry_type, payment_id, description,"
          + " reverses_id, requested_by, reason, effective_date, booked_at, chain_seq, prev_hash,"
          + " entry_hash, approved_by from journal_entry where chain_id = ? and chain_seq >= ?"
          + " and chain_seq <= ? order by chain_seq limit ?";
  private static final String POSTINGS =
      "select entry_id, line_no, account_id, side, amount_minor, currency, balance_after_minor,"
          + " account_seq, effective_date, booked_at from posting where entry_id = any(?)"
          + " order by entry_id, line_no";
  private static final String SEALS =
      "select business_date, seal_version, seal_hash, seal_signature, seal_key_id from day_close"
          + " where seal_hash is not null and business_date between ? and ? order by business_date";
  private static final String UNSEALED =
      "select count(*) from day_close where seal_hash is null and business_date between ? and ?";
  private static final String UNCHAINED =
      "select count(*) from journal_entry where chain_id is null";

  private final JdbcTemplate jdbc;

  public SealStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every chain's head as of {@code date}: its last entry with an effective date up to it. */
  public List<ChainHead> headsAsOf(LocalDate date) {
    List<ChainHead> heads = new ArrayList<>();
    for (String chain : chainIds()) {
      headAsOf(chain, date).ifPresent(heads::add);
    }
    return heads;
  }

  public Optional<ChainHead> headAsOf(String chainId, LocalDate date) {
    return jdbc
        .query(
            HEAD_AS_OF,
            (rs, n) -> new ChainHead(chainId, rs.getLong(1), rs.getBytes(2)),
            chainId,
            date)
        .stream()
        .findFirst();
  }

  public List<String> chainIds() {
    return jdbc.queryForList(CHAINS, String.class);
  }

  /** First and last sequence of the chain's entries effective in [from, to]; empty when none. */
  public Optional<long[]> range(String chainId, LocalDate from, LocalDate to) {
    return Optional.ofNullable(
        jdbc.query(
            RANGE,
            rs -> {
              rs.next();
              long min = rs.getLong(1);
              return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
            },
            chainId,
            from,
            to));
  }

  public long lastSequence(String chainId) {
    Long last = jdbc.queryForObject(LAST, Long.class, chainId);
    return last == null ? 0 : last;
  }

  public Optional<byte[]> hashAt(String chainId, long sequence) {
    return jdbc.queryForList(HASH_AT, byte[].class, chainId, sequence).stream().findFirst();
  }

  /** Up to {@code limit} entries of the chain from sequence {@code from} to {@code to}. */
  public List<StoredEntry> page(String chainId, long from, long to, int limit) {
    record Row(
        long journalSeq,
        UUID id,
        UUID sourceEventId,
        String sourceType,
        String entryType,
        String paymentId,
        String description,
        UUID reversesId,
        String requestedBy,
        String reason,
        LocalDate effectiveDate,
        Instant bookedAt,
        long chainSeq,
        byte[] prev,
        byte[] hash,
        String approvedBy) {}
    List<Row> rows =
        jdbc.query(
            PAGE,
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getObject(8, UUID.class),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getObject(11, LocalDate.class),
                    instant(rs, 12),
                    rs.getLong(13),
                    rs.getBytes(14),
                    rs.getBytes(15),
                    rs.getString(16)),
            chainId,
            from,
            to,
            limit);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<EntryContent.Posting>> postings = new HashMap<>();
    jdbc.query(
        connection -> {
          var st = connection.prepareStatement(POSTINGS);
          Array ids = connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray());
          st.setArray(1, ids);
          return st;
        },
        rs -> {
          postings
              .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
              .add(
                  new EntryContent.Posting(
                      rs.getInt(2),
                      rs.getObject(3, UUID.class),
                      rs.getString(4),
                      rs.getLong(5),
                      rs.getString(6),
                      rs.getLong(7),
                      rs.getLong(8),
                      rs.getObject(9, LocalDate.class),
                      instant(rs, 10)));
        });
    List<StoredEntry> entries = new ArrayList<>(rows.size());
    for (Row r : rows) {
      entries.add(
          new StoredEntry(
              r.journalSeq(),
              chainId,
              r.chainSeq(),
              r.prev(),
              r.hash(),
              new EntryContent.Entry(
                  r.id(),
                  r.sourceEventId(),
                  r.sourceType(),
                  r.entryType(),
                  r.paymentId(),
                  r.description(),
                  r.reversesId(),
                  r.requestedBy(),
                  r.approvedBy(),
                  r.reason(),
                  r.effectiveDate(),
                  r.bookedAt(),
                  postings.getOrDefault(r.id(), List.of()))));
    }
    return entries;
  }

  public List<StoredSeal> seals(LocalDate from, LocalDate to) {
    return jdbc.query(
        SEALS,
        (rs, n) ->
            new StoredSeal(
                rs.getObject(1, LocalDate.class),
                rs.getInt(2),
                rs.getBytes(3),
                rs.getBytes(4),
                rs.getString(5)),
        from,
        to);
  }

  public long unsealedDays(LocalDate from, LocalDate to) {
    return jdbc.queryForObject(UNSEALED, Long.class, from, to);
  }

  public long unchainedEntries() {
    return jdbc.queryForObject(UNCHAINED, Long.class);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at.toInstant();
  }
}
