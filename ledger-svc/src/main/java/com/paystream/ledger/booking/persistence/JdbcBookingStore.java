package com.paystream.ledger.booking.persistence;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.AccountType;
import com.paystream.ledger.booking.AppliedRecord;
import com.paystream.ledger.booking.BatchPlan;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.OutboxBundle;
import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.ledger.booking.Outcome;
import com.paystream.ledger.booking.PartitionKey;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.BookedEntry;
import com.paystream.ledger.journal.BookedPosting;
import com.paystream.ledger.journal.ChainLink;
import com.paystream.ledger.journal.ChainSlot;
import com.paystream.ledger.payments.PaymentPosition;
import com.paystream.platform.ids.AccountId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and writes one batch inside the caller's transaction. Every method is one statement
 * whatever the batch size: rows travel as arrays unnested by PostgreSQL, and the two big tables
 * (postings, three per entry) are streamed with COPY; the outbox messages (four per entry) go in as
 * a few {@link OutboxBundle} rows.
 */
public final class JdbcBookingStore {

  private static final String PROCESSED_SQL =
      "select source_event_id from processed_event where source_event_id = any(?::uuid[])";
  // One backward index scan per partition (processed_event_source_position, V1_7_0).
  private static final String NEXT_OFFSETS_SQL =
      "select p.partition, (select max(e.source_offset) + 1 from processed_event e"
          + " where e.source_topic = ? and e.source_partition = p.partition)"
          + " from unnest(?::int[]) as p(partition)";
  private static final String CALENDAR_SQL =
      "select last_closed_date from ledger_calendar for share";
  private static final String POSITIONS_SQL =
      "select payment_id, merchant_id, provider, currency, gross_minor, fee_minor,"
          + " refunded_minor, booking_entry_id, state from payment_position"
          + " where payment_id = any(?::text[]) order by payment_id for update";
  // Namespace of the payments' advisory locks (the two-key form keeps them apart from any other).
  private static final int PAYMENT_LOCKS = 0x50415953;
  private static final String LOCK_PAYMENTS_SQL =
      "select pg_advisory_xact_lock("
          + PAYMENT_LOCKS
          + ", k) from (select distinct hashtext(id) as k from unnest(?::text[]) as id"
          + " order by k) as keys";
  private static final String ENSURE_ACCOUNTS_SQL =
      "insert into account (id, code, name, type, currency, overdraft_allowed)"
          + " select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::boolean[]) on conflict do nothing";
  // Sorted, so that concurrent batches lock shared accounts in the same order and never deadlock.
  // NO KEY UPDATE does not block the key-share locks of foreign-key checks.
  private static final String LOCK_ACCOUNTS_SQL =
      "select id, code, name, type, currency, overdraft_allowed, available_minor, frozen_minor,"
          + " last_sequence, last_posted_at, status from account where id = any(?::uuid[])"
          + " order by id for no key update";
  // The chains' heads are cached in journal_chain and locked by their writer (sorted, after the
  // accounts), so a chain's sequence follows its commit order. The heads move in the statement that
  // inserts the entries: no round trip of its own.
  private static final String LOCK_CHAINS_SQL =
      "select chain_id, last_seq, head_hash from journal_chain where chain_id = any(?::text[])"
          + " order by chain_id for update";
  // A chain's first writer creates its head; a head row lost from the cache is rebuilt from the
  // journal itself.
  private static final String ENSURE_CHAINS_SQL =
      "insert into journal_chain (chain_id, last_seq, head_hash, head_entry_id)"
          + " select c.id, coalesce(h.chain_seq, 0), coalesce(h.entry_hash, ?), h.id"
          + " from unnest(?::text[]) as c(id) left join lateral (select e.chain_seq, e.entry_hash,"
          + " e.id from journal_entry e where e.chain_id = c.id order by e.chain_seq desc limit 1)"
          + " h on true on conflict do nothing";
  private static final String INSERT_ENTRIES_SQL =
      "with heads as (update journal_chain c set last_seq = h.seq, head_hash = decode(h.hash,"
          + " 'hex'), head_entry_id = h.entry, updated_at = now() from unnest(?::text[],"
          + " ?::bigint[], ?::text[], ?::uuid[]) as h(chain, seq, hash, entry)"
          + " where c.chain_id = h.chain)"
          + " insert into journal_entry (id, source_event_id, source_type, entry_type, payment_id,"
          + " description, reverses_id, requested_by, reason, effective_date, booked_at, chain_id,"
          + " chain_seq, prev_hash, entry_hash, approved_by, trace_id)"
          + " select u.id, u.src, u.st, u.et, u.pid, u.descr, u.rev, u.req, u.reason, ?, ?,"
          + " u.chain, u.cseq, decode(u.prev, 'hex'), decode(u.hash, 'hex'), u.appr, u.trace"
          + " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[]) as u(id, src, st, et, pid, descr, rev, req, reason,"
          + " chain, cseq, prev, hash, appr, trace)";
  private static final String UPDATE_ACCOUNTS_SQL =
      "update account a set available_minor = u.available, frozen_minor = u.frozen,"
          + " last_sequence = u.seq, last_posted_at = u.posted_at, version = a.version + 1"
          + " from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])"
          + " as u(id, available, frozen, seq, posted_at) where a.id = u.id";
  private static final String COPY_POSTINGS_SQL =
      "copy posting (entry_id, line_no, account_id, side, amount_minor, currency,"
          + " balance_after_minor, account_seq, effective_date, booked_at) from stdin";
  private static final String UPSERT_POSITIONS_SQL =
      "insert into payment_position (payment_id, merchant_id, provider, currency, gross_minor,"
          + " fee_minor, refunded_minor, booking_entry_id, state, updated_at)"
          + " select u.*, ? from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::uuid[], ?::text[]) as u"
          + " on conflict (payment_id) do update set gross_minor = excluded.gross_minor,"
          + " currency = excluded.currency, fee_minor = excluded.fee_minor,"
          + " refunded_minor = excluded.refunded_minor,"
          + " booking_entry_id = excluded.booking_entry_id, state = excluded.state,"
          + " updated_at = excluded.updated_at, version = payment_position.version + 1";
  private static final String INSERT_PROCESSED_SQL =
      "insert into processed_event (source_event_id, source_type, outcome, entry_id, payment_id,"
          + " reason_code, source_topic, source_partition, source_offset, processed_at)"
          + " select u.*, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[],"
          + " ?::text[], ?::text[], ?::int[], ?::bigint[]) as u";
  // A few rows per batch (bundles), each value sent as binary: no hex text to build and parse.
  private static final String INSERT_OUTBOX_SQL =
      "insert into outbox (message_id, topic, message_key, payload, trace_id, span_id)"
          + " values (?, ?, ?, ?, ?, ?)";

  // Taking partitions over (ResumeFromDatabase, on assignment): each row's epoch moves up by one,
  // in sorted order like every lock here. It waits for the batches that hold a row FOR SHARE.
  private static final String TAKE_OWNERSHIP_SQL =
      "insert into partition_owner (consumer_group, topic, partition, epoch, owner, since)"
          + " select ?, c.topic, c.partition, 1, ?, now() from unnest(?::text[], ?::int[])"
          + " as c(topic, partition) order by c.topic, c.partition"
          + " on conflict (consumer_group, topic, partition) do update"
          + " set epoch = partition_owner.epoch + 1, owner = excluded.owner, since = excluded.since"
          + " returning topic, partition, epoch";
  // The fence, first statement of every Kafka-sourced booking transaction: the batch's partitions'
  // rows, held FOR SHARE until it commits (a takeover waits for it; batches do not wait for each
  // other). The same statement bounds how long this transaction may sit idle, so that a frozen
  // instance's open transaction cannot hold a takeover for the length of its freeze.
  private static final String LOCK_OWNERS_SQL =
      "select o.topic, o.partition, o.epoch,"
          + " set_config('idle_in_transaction_session_timeout', ?, true)"
          + " from partition_owner o where (o.consumer_group, o.topic, o.partition) in"
          + " (select * from unnest(?::text[], ?::text[], ?::int[]))"
          + " order by o.consumer_group, o.topic, o.partition for share of o";

  private static final HexFormat HEX = HexFormat.of();

  private final JdbcTemplate jdbc;

  public JdbcBookingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Set<UUID> processed(Collection<UUID> sourceEventIds) {
    if (sourceEventIds.isEmpty()) {
      return Set.of();
    }
    return run(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(PROCESSED_SQL)) {
            st.setArray(1, connection.createArrayOf("uuid", sourceEventIds.toArray(UUID[]::new)));
            Set<UUID> found = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                found.add(rs.getObject(1, UUID.class));
              }
            }
            return found;
          }
        });
  }

  /**
   * Per partition of {@code topic}, the offset after the highest one recorded as consumed; a
   * partition of which nothing is recorded is absent from the map.
   */
  public Map<Integer, Long> nextOffsets(String topic, Collection<Integer> partitions) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    return run(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(NEXT_OFFSETS_SQL)) {
            st.setString(1, topic);
            st.setArray(2, connection.createArrayOf("int", partitions.toArray(Integer[]::new)));
            Map<Integer, Long> next = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                long offset = rs.getLong(2);
                if (!rs.wasNull()) {
                  next.put(rs.getInt(1), offset);
                }
              }
            }
            return next;
          }
        });
  }

  /**
   * Takes the partitions for {@code owner} in {@code group}: inserts each one's row at epoch 1 or
   * moves its epoch up by one, in its own transaction (the caller's, or autocommit), and returns
   * the new epochs. Waits until no booking batch holds one of the rows.
   */
  public Map<PartitionKey, Long> takeOwnership(
      String group, Collection<PartitionKey> partitions, String owner) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    List<PartitionKey> sorted = partitions.stream().sorted().toList();
    return run(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(TAKE_OWNERSHIP_SQL)) {
            st.setString(1, group);
            st.setString(2, owner);
            SqlArrays.bind(connection, st, 3, "text", sorted, PartitionKey::topic, String[]::new);
            SqlArrays.bind(
                connection, st, 4, "int", sorted, PartitionKey::partition, Integer[]::new);
            return epochs(st);
          }
        });
  }

  /**
   * Locks the owner rows of the partitions (each in its group) FOR SHARE until the caller's
   * transaction ends, and returns their epochs; a partition without a row is absent. Also limits
   * how long the transaction may then sit idle ({@code idle_in_transaction_session_timeout}, local
   * to it; 0 disables).
   */
  public Map<PartitionKey, Long> lockOwners(
      List<String> groups, List<PartitionKey> partitions, Duration idleInTransactionTimeout) {
    return run(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(LOCK_OWNERS_SQL)) {
            st.setString(1, Long.toString(idleInTransactionTimeout.toMillis()));
            st.setArray(2, connection.createArrayOf("text", groups.toArray(String[]::new)));
            SqlArrays.bind(
                connection, st, 3, "text", partitions, PartitionKey::topic, String[]::new);
            SqlArrays.bind(
                connection, st, 4, "int", partitions, PartitionKey::partition, Integer[]::new);
            return epochs(st);
          }
        });
  }

  private static Map<PartitionKey, Long> epochs(PreparedStatement st) throws SQLException {
    Map<PartitionKey, Long> epochs = new HashMap<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        epochs.put(new PartitionKey(rs.getString(1), rs.getInt(2)), rs.getLong(3));
      }
    }
    return epochs;
  }

  /**
   * The commands parked for these payments (not booked yet) that are still waiting, i.e. have no
   * dedupe record, in the order they were consumed: one query per batch.
   */
  public List<InboundRecord.Readable> parkedCommands(Collection<String> paymentIds) {
    return run(connection -> ParkedCommandRows.waiting(connection, paymentIds));
  }

  /** The last closed business date (null: none yet), share-locked until the batch commits. */
  public LocalDate lastClosedDate() {
    return run(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(CALENDAR_SQL);
              ResultSet rs = st.executeQuery()) {
            rs.next();
            Date date = rs.getDate(1);
            return date == null ? null : date.toLocalDate();
          }
        });
  }

  /**
   * Locks the payments (booked or not) and returns the positions of those that are booked. A
   * payment not booked yet has no row to lock, so each payment id also takes a transaction-scoped
   * advisory lock (sorted, like every lock here): a batch that parks a command for a payment and
   * one that books that payment then run one after the other, and the second sees what the first
   * committed (the parked command, or the position). Without it, a command parked while its payment
   * is being booked would wait until its next delivery.
   */
  public Map<String, PaymentPosition> lockPositions(Collection<String> paymentIds) {
    if (paymentIds.isEmpty()) {
      return Map.of();
    }
    return run(
        connection -> {
          try (PreparedStatement st = connection.prepareStatement(LOCK_PAYMENTS_SQL)) {
            st.setArray(1, connection.createArrayOf("text", paymentIds.toArray(String[]::new)));
            st.executeQuery().close();
          }
          try (PreparedStatement st = connection.prepareStatement(POSITIONS_SQL)) {
            st.setArray(1, connection.createArrayOf("text", paymentIds.toArray(String[]::new)));
            Map<String, PaymentPosition> positions = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                PaymentPosition position = position(rs);
                positions.put(position.paymentId().value(), position);
              }
            }
            return positions;
          }
        });
  }

  private static PaymentPosition position(ResultSet rs) throws SQLException {
    Currency currency = Money.currency(rs.getString(4));
    return new PaymentPosition(
        new PaymentId(rs.getString(1)),
        rs.getString(2),
        rs.getString(3),
        new Money(rs.getLong(5), currency),
        new Money(rs.getLong(6), currency),
        new Money(rs.getLong(7), currency),
        rs.getObject(8, UUID.class),
        PaymentPosition.State.valueOf(rs.getString(9)));
  }

  /**
   * Locks and reads the accounts, creating those that do not exist yet. Accounts exist after their
   * first batch, so the usual batch only locks; the missing ones are inserted (a concurrent creator
   * wins the conflict) and then locked too.
   */
  public List<AccountState> ensureAndLockAccounts(Collection<AccountSpec> specs) {
    if (specs.isEmpty()) {
      return List.of();
    }
    return run(
        connection -> {
          List<AccountState> states = lockAccounts(connection, specs);
          if (states.size() == specs.size()) {
            return states;
          }
          Set<AccountId> found = new HashSet<>();
          states.forEach(state -> found.add(state.spec().id()));
          List<AccountSpec> missing =
              specs.stream().filter(spec -> !found.contains(spec.id())).toList();
          insertAccounts(connection, missing);
          states.addAll(lockAccounts(connection, missing));
          return states;
        });
  }

  private static void insertAccounts(Connection connection, List<AccountSpec> specs)
      throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(ENSURE_ACCOUNTS_SQL)) {
      SqlArrays.bind(connection, st, 1, "uuid", specs, s -> uuid(s.id()), UUID[]::new);
      SqlArrays.bind(connection, st, 2, "text", specs, AccountSpec::code, String[]::new);
      SqlArrays.bind(connection, st, 3, "text", specs, AccountSpec::name, String[]::new);
      SqlArrays.bind(connection, st, 4, "text", specs, s -> s.type().name(), String[]::new);
      SqlArrays.bind(connection, st, 5, "text", specs, AccountSpec::currencyCode, String[]::new);
      SqlArrays.bind(
          connection, st, 6, "boolean", specs, AccountSpec::overdraftAllowed, Boolean[]::new);
      st.executeUpdate();
    }
  }

  private static List<AccountState> lockAccounts(
      Connection connection, Collection<AccountSpec> specs) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(LOCK_ACCOUNTS_SQL)) {
      SqlArrays.bind(connection, st, 1, "uuid", specs, s -> uuid(s.id()), UUID[]::new);
      List<AccountState> states = new ArrayList<>(specs.size());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          states.add(accountState(rs));
        }
      }
      return states;
    }
  }

  /** The stored account is the truth for type and overdraft, not the chart's current opinion. */
  private static AccountState accountState(ResultSet rs) throws SQLException {
    AccountSpec spec =
        new AccountSpec(
            rs.getString("code"),
            rs.getString("name"),
            AccountType.valueOf(rs.getString("type")),
            Money.currency(rs.getString("currency")),
            rs.getBoolean("overdraft_allowed"));
    if (!uuid(spec.id()).equals(rs.getObject("id", UUID.class))) {
      throw new IllegalStateException("account " + spec.code() + " has a foreign id");
    }
    Timestamp lastPostedAt = rs.getTimestamp("last_posted_at");
    return new AccountState(
        spec,
        rs.getLong("available_minor"),
        rs.getLong("frozen_minor"),
        rs.getLong("last_sequence"),
        lastPostedAt == null ? null : lastPostedAt.toInstant(),
        "BLOCKED".equals(rs.getString("status")));
  }

  /**
   * Writes the plan and its outbox messages. Accounts are updated before their postings are
   * inserted: the database checks each posting chain against the account row it ends at.
   */
  public void write(BatchPlan plan, List<OutboxMessage> outbox) {
    writeBooks(plan);
    writeOutbox(outbox);
  }

  /** Entries, balances, postings, payment positions and dedupe records of the plan. */
  public void writeBooks(BatchPlan plan) {
    run(
        connection -> {
          List<ChainLink> links = link(connection, plan.slots());
          insertEntries(connection, plan, links);
          updateAccounts(connection, plan.changedAccounts());
          insertPostings(connection, plan.entries(), plan.effectiveDate(), plan.bookedAt());
          upsertPositions(connection, plan.changedPositions(), plan.bookedAt());
          insertProcessed(connection, plan.processed(), plan.bookedAt());
          ParkedCommandRows.insert(connection, plan.parked(), plan.bookedAt());
          return null;
        });
  }

  /** The messages to publish once the transaction commits, in order. */
  public void writeOutbox(List<OutboxMessage> outbox) {
    run(
        connection -> {
          insertOutbox(connection, outbox);
          return null;
        });
  }

  /** Writes balances changed without a posting (holds placed or released). */
  public void updateBalances(List<AccountState> accounts) {
    run(
        connection -> {
          updateAccounts(connection, accounts);
          return null;
        });
  }

  private static void insertEntries(Connection connection, BatchPlan plan, List<ChainLink> links)
      throws SQLException {
    List<BookedEntry> entries = plan.entries();
    if (entries.isEmpty()) {
      return;
    }
    Map<String, Head> heads = new LinkedHashMap<>();
    for (int i = 0; i < links.size(); i++) {
      heads.put(links.get(i).chainId(), new Head(links.get(i), entries.get(i).id()));
    }
    List<Head> moved = List.copyOf(heads.values());
    List<Integer> rows = java.util.stream.IntStream.range(0, entries.size()).boxed().toList();
    try (PreparedStatement st = connection.prepareStatement(INSERT_ENTRIES_SQL)) {
      SqlArrays.bind(connection, st, 1, "text", moved, h -> h.link().chainId(), String[]::new);
      SqlArrays.bind(connection, st, 2, "bigint", moved, h -> h.link().sequence(), Long[]::new);
      SqlArrays.bind(
          connection,
          st,
          3,
          "text",
          moved,
          h -> HEX.formatHex(h.link().entryHash()),
          String[]::new);
      SqlArrays.bind(connection, st, 4, "uuid", moved, Head::entryId, UUID[]::new);
      st.setObject(5, plan.effectiveDate());
      st.setTimestamp(6, Timestamp.from(plan.bookedAt()));
      SqlArrays.bind(connection, st, 7, "uuid", entries, BookedEntry::id, UUID[]::new);
      SqlArrays.bind(connection, st, 8, "uuid", entries, BookedEntry::sourceEventId, UUID[]::new);
      SqlArrays.bind(connection, st, 9, "text", entries, e -> e.sourceType().name(), String[]::new);
      SqlArrays.bind(connection, st, 10, "text", entries, e -> e.type().name(), String[]::new);
      SqlArrays.bind(
          connection, st, 11, "text", entries, JdbcBookingStore::paymentIdOf, String[]::new);
      SqlArrays.bind(
          connection, st, 12, "text", entries, e -> e.draft().description(), String[]::new);
      SqlArrays.bind(
          connection, st, 13, "uuid", entries, e -> e.draft().reversesEntryId(), UUID[]::new);
      SqlArrays.bind(
          connection, st, 14, "text", entries, e -> e.draft().requestedBy(), String[]::new);
      SqlArrays.bind(connection, st, 15, "text", entries, e -> e.draft().reason(), String[]::new);
      SqlArrays.bind(connection, st, 16, "text", rows, i -> links.get(i).chainId(), String[]::new);
      SqlArrays.bind(connection, st, 17, "bigint", rows, i -> links.get(i).sequence(), Long[]::new);
      SqlArrays.bind(
          connection,
          st,
          18,
          "text",
          rows,
          i -> HEX.formatHex(links.get(i).previousHash()),
          String[]::new);
      SqlArrays.bind(
          connection,
          st,
          19,
          "text",
          rows,
          i -> HEX.formatHex(links.get(i).entryHash()),
          String[]::new);
      SqlArrays.bind(
          connection, st, 20, "text", entries, e -> e.draft().approvedBy(), String[]::new);
      // Observability metadata, not hashed content: see V1_11_0.
      SqlArrays.bind(connection, st, 21, "text", plan.traceIds(), t -> t, String[]::new);
      st.executeUpdate();
    }
  }

  private record Head(ChainLink link, UUID entryId) {}

  /**
   * Locks the heads of the plan's chains (creating those that do not exist yet) and links the
   * plan's entries, in plan order, which is each chain's commit order: only the short link hash
   * runs here, the contents were hashed when the entries were composed.
   */
  private static List<ChainLink> link(Connection connection, List<ChainSlot> slots)
      throws SQLException {
    if (slots.isEmpty()) {
      return List.of();
    }
    Set<String> chains = new TreeSet<>();
    slots.forEach(slot -> chains.add(slot.chainId()));
    Map<String, ChainLink> heads = lockChains(connection, chains);
    if (heads.size() < chains.size()) {
      List<String> missing = chains.stream().filter(c -> !heads.containsKey(c)).toList();
      try (PreparedStatement st = connection.prepareStatement(ENSURE_CHAINS_SQL)) {
        st.setBytes(1, ChainLink.GENESIS);
        st.setArray(2, connection.createArrayOf("text", missing.toArray(String[]::new)));
        st.executeUpdate();
      }
      heads.putAll(lockChains(connection, missing));
    }
    List<ChainLink> links = new ArrayList<>(slots.size());
    for (ChainSlot slot : slots) {
      ChainLink head = heads.get(slot.chainId());
      long sequence = head == null ? 1 : head.sequence() + 1;
      byte[] previous = head == null ? ChainLink.GENESIS : head.entryHash();
      ChainLink link = ChainLink.next(slot.chainId(), sequence, previous, slot.contentHash());
      heads.put(slot.chainId(), link);
      links.add(link);
    }
    return links;
  }

  /** The locked heads that have an entry (a head at sequence 0 is a chain not begun). */
  private static Map<String, ChainLink> lockChains(Connection connection, Collection<String> chains)
      throws SQLException {
    Map<String, ChainLink> heads = new HashMap<>();
    Set<String> found = new HashSet<>();
    try (PreparedStatement st = connection.prepareStatement(LOCK_CHAINS_SQL)) {
      st.setArray(1, connection.createArrayOf("text", chains.toArray(String[]::new)));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
          long sequence = rs.getLong(2);
          if (sequence > 0) {
            heads.put(
                rs.getString(1),
                new ChainLink(rs.getString(1), sequence, ChainLink.GENESIS, rs.getBytes(3)));
          }
        }
      }
    }
    // Chains found at sequence 0 are locked too: mark them so that the caller does not create them.
    for (String chain : found) {
      heads.putIfAbsent(chain, null);
    }
    return heads;
  }

  private static void updateAccounts(Connection connection, List<AccountState> accounts)
      throws SQLException {
    if (accounts.isEmpty()) {
      return;
    }
    try (PreparedStatement st = connection.prepareStatement(UPDATE_ACCOUNTS_SQL)) {
      SqlArrays.bind(connection, st, 1, "uuid", accounts, a -> uuid(a.spec().id()), UUID[]::new);
      SqlArrays.bind(
          connection, st, 2, "bigint", accounts, AccountState::availableMinor, Long[]::new);
      SqlArrays.bind(connection, st, 3, "bigint", accounts, AccountState::frozenMinor, Long[]::new);
      SqlArrays.bind(
          connection, st, 4, "bigint", accounts, AccountState::lastSequence, Long[]::new);
      SqlArrays.bind(
          connection,
          st,
          5,
          "text",
          accounts,
          a -> a.lastPostedAt() == null ? null : a.lastPostedAt().toString(),
          String[]::new);
      int updated = st.executeUpdate();
      if (updated != accounts.size()) {
        throw new IllegalStateException(
            "updated " + updated + " of " + accounts.size() + " locked accounts");
      }
    }
  }

  private record Line(BookedEntry entry, BookedPosting posting) {}

  private static void insertPostings(
      Connection connection, List<BookedEntry> entries, LocalDate effectiveDate, Instant bookedAt)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    CopyRows rows = new CopyRows(entries.size() * 3);
    String date = effectiveDate.toString();
    String at = bookedAt.toString();
    for (BookedEntry entry : entries) {
      for (BookedPosting p : entry.postings()) {
        rows.value(entry.id())
            .value(p.lineNo())
            .value(p.accountId())
            .value(p.side().name())
            .value(p.amountMinor())
            .value(p.currencyCode())
            .value(p.balanceAfterMinor())
            .value(p.accountSequence())
            .value(date)
            .value(at)
            .endRow();
      }
    }
    rows.copyInto(connection, COPY_POSTINGS_SQL);
  }

  private static void upsertPositions(
      Connection connection, List<PaymentPosition> positions, Instant at) throws SQLException {
    if (positions.isEmpty()) {
      return;
    }
    try (PreparedStatement st = connection.prepareStatement(UPSERT_POSITIONS_SQL)) {
      st.setTimestamp(1, Timestamp.from(at));
      SqlArrays.bind(
          connection, st, 2, "text", positions, p -> p.paymentId().value(), String[]::new);
      SqlArrays.bind(
          connection, st, 3, "text", positions, PaymentPosition::merchantId, String[]::new);
      SqlArrays.bind(
          connection, st, 4, "text", positions, PaymentPosition::provider, String[]::new);
      SqlArrays.bind(
          connection, st, 5, "text", positions, p -> p.currency().getCurrencyCode(), String[]::new);
      SqlArrays.bind(connection, st, 6, "bigint", positions, p -> p.gross().minor(), Long[]::new);
      SqlArrays.bind(connection, st, 7, "bigint", positions, p -> p.fee().minor(), Long[]::new);
      SqlArrays.bind(
          connection, st, 8, "bigint", positions, p -> p.refunded().minor(), Long[]::new);
      SqlArrays.bind(
          connection, st, 9, "uuid", positions, PaymentPosition::bookingEntryId, UUID[]::new);
      SqlArrays.bind(connection, st, 10, "text", positions, p -> p.state().name(), String[]::new);
      st.executeUpdate();
    }
  }

  private static void insertProcessed(
      Connection connection, List<AppliedRecord> applied, Instant at) throws SQLException {
    if (applied.isEmpty()) {
      return;
    }
    try (PreparedStatement st = connection.prepareStatement(INSERT_PROCESSED_SQL)) {
      st.setTimestamp(1, Timestamp.from(at));
      SqlArrays.bind(
          connection, st, 2, "uuid", applied, a -> a.record().sourceEventId(), UUID[]::new);
      SqlArrays.bind(
          connection, st, 3, "text", applied, JdbcBookingStore::sourceType, String[]::new);
      SqlArrays.bind(connection, st, 4, "text", applied, JdbcBookingStore::outcome, String[]::new);
      SqlArrays.bind(connection, st, 5, "uuid", applied, JdbcBookingStore::entryId, UUID[]::new);
      SqlArrays.bind(
          connection, st, 6, "text", applied, JdbcBookingStore::paymentId, String[]::new);
      SqlArrays.bind(
          connection, st, 7, "text", applied, JdbcBookingStore::reasonCode, String[]::new);
      SqlArrays.bind(
          connection, st, 8, "text", applied, a -> a.record().source().topic(), String[]::new);
      SqlArrays.bind(
          connection, st, 9, "int", applied, a -> a.record().source().partition(), Integer[]::new);
      SqlArrays.bind(
          connection, st, 10, "bigint", applied, a -> a.record().source().offset(), Long[]::new);
      st.executeUpdate();
    }
  }

  private static String sourceType(AppliedRecord applied) {
    return applied.record() instanceof InboundRecord.Readable readable
        ? readable.message().sourceType().name()
        : "UNREADABLE";
  }

  private static String outcome(AppliedRecord applied) {
    Outcome outcome = applied.outcome();
    if (outcome instanceof Outcome.Posted) {
      return "POSTED";
    }
    if (outcome instanceof Outcome.NoFinancialEffect) {
      return "NO_FINANCIAL_EFFECT";
    }
    if (outcome instanceof Outcome.DeadLettered) {
      return "DEAD_LETTERED";
    }
    throw new IllegalArgumentException("not a first-time outcome: " + outcome);
  }

  /** The account id as the {@code uuid} column stores it. */
  static UUID uuid(AccountId id) {
    return UUID.fromString(id.value());
  }

  private static String paymentIdOf(BookedEntry entry) {
    PaymentId paymentId = entry.draft().paymentId();
    return paymentId == null ? null : paymentId.value();
  }

  private static UUID entryId(AppliedRecord applied) {
    return applied.outcome() instanceof Outcome.Posted posted ? posted.entry().id() : null;
  }

  private static String paymentId(AppliedRecord applied) {
    if (applied.record() instanceof InboundRecord.Readable readable) {
      return readable.message().paymentId();
    }
    return ((InboundRecord.Unreadable) applied.record()).paymentId();
  }

  private static String reasonCode(AppliedRecord applied) {
    return applied.outcome() instanceof Outcome.DeadLettered dead ? dead.refusal().code() : null;
  }

  private static void insertOutbox(Connection connection, List<OutboxMessage> messages)
      throws SQLException {
    if (messages.isEmpty()) {
      return;
    }
    try (PreparedStatement st = connection.prepareStatement(INSERT_OUTBOX_SQL)) {
      for (OutboxMessage row : OutboxBundle.pack(messages)) {
        st.setObject(1, row.messageId());
        st.setString(2, row.topic());
        st.setString(3, row.key());
        st.setBytes(4, row.payload());
        st.setString(5, row.traceId());
        st.setString(6, row.spanId());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private <T> T run(ConnectionCallback<T> work) {
    return jdbc.execute(work);
  }
}
