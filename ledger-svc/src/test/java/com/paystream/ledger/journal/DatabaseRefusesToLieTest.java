package com.paystream.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.ledger.support.LedgerDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tries, with plain JDBC and no service code, every write the ledger's database must refuse, and
 * asserts the SQLState and message it refuses with.
 */
class DatabaseRefusesToLieTest {

  private static LedgerDatabase database;

  private Connection connection;
  private UUID clearing;
  private UUID merchant;
  private UUID dollars;

  @BeforeAll
  static void migrate() {
    database = LedgerDatabase.migrated("ledger_refuses");
  }

  @BeforeEach
  void openAccounts() throws SQLException {
    // As the owner: these are the triggers' refusals, which hold for every role, the owner
    // included. The service's runtime role is refused before any trigger runs (RuntimeRoleIT).
    connection = database.connectAsOwner();
    clearing = account("ASSET", "EUR", true);
    merchant = account("LIABILITY", "EUR", false);
    dollars = account("LIABILITY", "USD", true);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void acceptsBalancedEntryWithChainedBalances() throws SQLException {
    UUID entry = bookPayment(100);

    assertThat(count("select count(*) from posting where entry_id = '" + entry + "'")).isEqualTo(2);
  }

  @Test
  void refusesUpdateOfJournalEntry() throws SQLException {
    UUID entry = bookPayment(100);

    assertRefused(
        () -> execute("update journal_entry set description = 'edited' where id = '" + entry + "'"),
        "LD001",
        "journal_entry is append-only: UPDATE refused");
  }

  @Test
  void refusesDeleteOfJournalEntry() throws SQLException {
    UUID entry = bookPayment(100);

    assertRefused(
        () -> execute("delete from journal_entry where id = '" + entry + "'"),
        "LD001",
        "journal_entry is append-only: DELETE refused");
  }

  @Test
  void refusesUpdateOfPosting() throws SQLException {
    UUID entry = bookPayment(100);

    assertRefused(
        () -> execute("update posting set amount_minor = 1 where entry_id = '" + entry + "'"),
        "LD001",
        "posting is append-only: UPDATE refused");
  }

  @Test
  void refusesDeleteOfPosting() throws SQLException {
    UUID entry = bookPayment(100);

    assertRefused(
        () -> execute("delete from posting where entry_id = '" + entry + "'"),
        "LD001",
        "posting is append-only: DELETE refused");
  }

  @Test
  void refusesTruncateOfJournalAndPostings() throws SQLException {
    bookPayment(100);

    assertRefused(
        () -> execute("truncate journal_entry cascade"),
        "LD001",
        "is append-only: TRUNCATE refused");
  }

  @Test
  void refusesRewriteOfDedupeRecords() throws SQLException {
    execute(
        "insert into processed_event (source_event_id, source_type, outcome, source_topic,"
            + " source_partition, source_offset, processed_at) values ('"
            + UUID.randomUUID()
            + "', 'CALLBACK', 'NO_FINANCIAL_EFFECT', 't', 0, 0, now())");

    assertRefused(
        () -> execute("delete from processed_event"),
        "LD001",
        "processed_event is append-only: DELETE refused");
  }

  @Test
  void refusesDedupeRecordOfAnEntryThatDoesNotExist() throws SQLException {
    UUID missing = UUID.randomUUID();

    assertRefused(
        () ->
            execute(
                "insert into processed_event (source_event_id, source_type, outcome, entry_id,"
                    + " source_topic, source_partition, source_offset, processed_at) values ('"
                    + UUID.randomUUID()
                    + "', 'CALLBACK', 'POSTED', '"
                    + missing
                    + "', 't', 0, 0, now())"),
        "23503",
        "refers to journal entry " + missing + ", which does not exist");
  }

  @Test
  void refusesPaymentPositionOfABookingThatDoesNotExist() throws SQLException {
    UUID booking = bookPayment(100);
    UUID missing = UUID.randomUUID();
    execute(positionUpsert("pay-1", booking));

    assertRefused(
        () -> execute(positionUpsert("pay-2", missing)),
        "23503",
        "refers to booking entry " + missing + ", which does not exist");
    assertRefused(
        () -> execute(positionUpsert("pay-1", missing)),
        "23503",
        "refers to booking entry " + missing + ", which does not exist");
  }

  private static String positionUpsert(String paymentId, UUID bookingEntry) {
    return "insert into payment_position (payment_id, merchant_id, provider, currency,"
        + " gross_minor, fee_minor, booking_entry_id, state, updated_at) values ('"
        + paymentId
        + "', 'm-1', 'sim', 'EUR', 100, 0, '"
        + bookingEntry
        + "', 'BOOKED', now()) on conflict (payment_id) do update"
        + " set booking_entry_id = excluded.booking_entry_id";
  }

  @Test
  void refusesUnbalancedEntryAtCommit() throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();
    setAccount(clearing, 100, 1);
    setAccount(merchant, 90, 1);
    posting(entry, 1, clearing, "DEBIT", 100, "EUR", 100, 1);
    posting(entry, 2, merchant, "CREDIT", 90, "EUR", 90, 1);

    assertRefused(
        connection::commit,
        "LD002",
        "journal entry " + entry + " is unbalanced in EUR: debits 100 <> credits 90");
  }

  @Test
  void refusesEntryWithOnePostingAtCommit() throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();
    setAccount(clearing, 100, 1);
    posting(entry, 1, clearing, "DEBIT", 100, "EUR", 100, 1);

    assertRefused(
        connection::commit,
        "LD003",
        "journal entry " + entry + " has 1 posting(s); at least two are required");
  }

  @Test
  void refusesEntryWithoutPostingsAtCommit() throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();

    assertRefused(
        connection::commit,
        "LD003",
        "journal entry " + entry + " has 0 posting(s); at least two are required");
  }

  @Test
  void deletingTheQueuedBalanceCheckDoesNotSkipIt() throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();
    execute("delete from journal_entry_balance_check");

    assertRefused(
        connection::commit,
        "LD003",
        "journal entry " + entry + " has 0 posting(s); at least two are required");
  }

  @Test
  void refusesEntryBalancedOnlyAcrossCurrencies() throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();
    setAccount(clearing, 100, 1);
    setAccount(dollars, 100, 1);
    posting(entry, 1, clearing, "DEBIT", 100, "EUR", 100, 1);
    posting(entry, 2, dollars, "CREDIT", 100, "USD", 100, 1);

    assertRefused(connection::commit, "LD002", "is unbalanced in");
  }

  @Test
  void refusesPostingInAnotherCurrencyThanItsAccount() throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();
    setAccount(merchant, 100, 1);

    assertRefused(
        () -> posting(entry, 1, merchant, "CREDIT", 100, "USD", 100, 1),
        "23503",
        "posting_account_currency");
  }

  @Test
  void refusesPostingOfAnEntryThatDoesNotExist() throws SQLException {
    connection.setAutoCommit(false);
    setAccount(clearing, 100, 1);

    assertRefused(
        () -> posting(UUID.randomUUID(), 1, clearing, "DEBIT", 100, "EUR", 100, 1),
        "LD004",
        "does not belong to an entry written in this transaction");
  }

  @Test
  void refusesPostingOnAClosedBusinessDate() throws SQLException {
    LedgerDatabase closed = LedgerDatabase.migrated("ledger_closed_date");
    try (Connection other = closed.connectAsOwner()) {
      Connection mine = connection;
      connection = other;
      try {
        execute("update ledger_calendar set last_closed_date = date '2026-01-02'");
        UUID account = account("ASSET", "EUR", true);
        connection.setAutoCommit(false);
        UUID entry = entry();
        setAccount(account, 100, 1);

        assertRefused(
            () -> posting(entry, 1, account, "DEBIT", 100, "EUR", 100, 1),
            "LD008",
            "is dated 2026-01-02, a business date that is already closed");
      } finally {
        connection = mine;
      }
    }
  }

  @Test
  void refusesNegativeBalanceOnAccountWithoutOverdraft() {
    assertRefused(
        () -> setAccount(merchant, -1, 0),
        "23514",
        "violates check constraint \"account_no_overdraft\"");
  }

  @Test
  void allowsNegativeBalanceOnAccountWithOverdraft() throws SQLException {
    setAccount(clearing, -1, 0);

    assertThat(count("select available_minor from account where id = '" + clearing + "'"))
        .isEqualTo(-1);
  }

  @Test
  void refusesPostingAddedToAnEntryCommittedEarlier() throws SQLException {
    UUID entry = bookPayment(100);
    setAccount(clearing, 150, 2);

    assertRefused(
        () -> posting(entry, 3, clearing, "DEBIT", 50, "EUR", 150, 2),
        "LD004",
        "does not belong to an entry written in this transaction");
  }

  @Test
  void refusesBalanceAfterThatDoesNotFollowThePreviousPosting() throws SQLException {
    bookPayment(100);
    connection.setAutoCommit(false);
    UUID entry = entry();
    setAccount(clearing, 180, 2);
    setAccount(merchant, 180, 2);

    assertRefused(
        () -> {
          // 100 + 50 is 150, not 180: the chain is broken even though the entry balances.
          posting(entry, 1, clearing, "DEBIT", 50, "EUR", 180, 2);
          posting(entry, 2, merchant, "CREDIT", 50, "EUR", 180, 2);
        },
        "LD005",
        "posting chain of account");
  }

  @Test
  void refusesGapInAnAccountsSequence() throws SQLException {
    bookPayment(100);
    connection.setAutoCommit(false);
    UUID entry = entry();
    setAccount(clearing, 150, 3);

    assertRefused(
        () -> posting(entry, 1, clearing, "DEBIT", 50, "EUR", 150, 3),
        "LD005",
        "posting chain of account " + clearing + " broken at sequence 3");
  }

  @Test
  void refusesChangeOfAnAccountsIdentity() {
    assertRefused(
        () -> execute("update account set currency = 'USD' where id = '" + merchant + "'"),
        "LD007",
        "keeps its identity");
  }

  @Test
  void refusesDeleteOfAnAccount() {
    assertRefused(
        () -> execute("delete from account where id = '" + merchant + "'"),
        "LD001",
        "account is append-only: DELETE refused");
  }

  @Test
  void refusesClosingBusinessDatesOutOfOrder() throws SQLException {
    execute("update ledger_calendar set last_closed_date = date '2026-01-01'");

    assertRefused(
        () -> execute("update ledger_calendar set last_closed_date = date '2026-01-03'"),
        "LD006",
        "business dates close one at a time");
  }

  // -- helpers: the minimum of SQL a correct writer issues -------------------------------------

  private UUID bookPayment(long amountMinor) throws SQLException {
    connection.setAutoCommit(false);
    UUID entry = entry();
    long clearingAfter = balance(clearing) + amountMinor;
    long merchantAfter = balance(merchant) + amountMinor;
    long clearingSeq = sequence(clearing) + 1;
    long merchantSeq = sequence(merchant) + 1;
    setAccount(clearing, clearingAfter, clearingSeq);
    setAccount(merchant, merchantAfter, merchantSeq);
    posting(entry, 1, clearing, "DEBIT", amountMinor, "EUR", clearingAfter, clearingSeq);
    posting(entry, 2, merchant, "CREDIT", amountMinor, "EUR", merchantAfter, merchantSeq);
    connection.commit();
    connection.setAutoCommit(true);
    return entry;
  }

  private UUID account(String type, String currency, boolean overdraft) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement st =
        connection.prepareStatement(
            "insert into account (id, code, name, type, currency, overdraft_allowed)"
                + " values (?, ?, 'test', ?, ?, ?)")) {
      st.setObject(1, id);
      st.setString(2, "test:" + id);
      st.setString(3, type);
      st.setString(4, currency);
      st.setBoolean(5, overdraft);
      st.executeUpdate();
    }
    return id;
  }

  private UUID entry() throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement st =
        connection.prepareStatement(
            // Each entry the first of a chain of its own: these tests are about the books'
            // invariants, the chains have theirs (SealedJournalTest).
            "insert into journal_entry (id, source_event_id, source_type, entry_type,"
                + " effective_date, booked_at, description, chain_id, chain_seq, prev_hash,"
                + " entry_hash)"
                + " values (?, ?, 'CALLBACK', 'PAYMENT', date '2026-01-02',"
                + " timestamptz '2026-01-02 10:00:00Z', 'test', 'test/' || ?::text, 1,"
                + " decode(repeat('00', 32), 'hex'), decode(repeat('11', 32), 'hex'))")) {
      st.setObject(1, id);
      st.setObject(2, UUID.randomUUID());
      st.setObject(3, id);
      st.executeUpdate();
    }
    return id;
  }

  private void setAccount(UUID account, long availableMinor, long sequence) throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "update account set available_minor = ?, last_sequence = ? where id = ?")) {
      st.setLong(1, availableMinor);
      st.setLong(2, sequence);
      st.setObject(3, account);
      st.executeUpdate();
    }
  }

  private void posting(
      UUID entry,
      int lineNo,
      UUID account,
      String side,
      long amountMinor,
      String currency,
      long balanceAfterMinor,
      long sequence)
      throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "insert into posting (entry_id, line_no, account_id, side, amount_minor, currency,"
                + " balance_after_minor, account_seq, effective_date, booked_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, date '2026-01-02',"
                + " timestamptz '2026-01-02 10:00:00Z')")) {
      st.setObject(1, entry);
      st.setInt(2, lineNo);
      st.setObject(3, account);
      st.setString(4, side);
      st.setLong(5, amountMinor);
      st.setString(6, currency);
      st.setLong(7, balanceAfterMinor);
      st.setLong(8, sequence);
      st.executeUpdate();
    }
  }

  private long balance(UUID account) throws SQLException {
    return count("select available_minor from account where id = '" + account + "'");
  }

  private long sequence(UUID account) throws SQLException {
    return count("select last_sequence from account where id = '" + account + "'");
  }

  private long count(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void assertRefused(SqlAction action, String sqlState, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
  }
}
