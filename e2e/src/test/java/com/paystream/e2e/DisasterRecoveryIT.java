package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.Standby;
import com.paystream.testkit.postgres.backup.BackupArchive;
import com.paystream.testkit.postgres.backup.BackupCatalogue;
import com.paystream.testkit.postgres.backup.BackupKind;
import com.paystream.testkit.postgres.backup.BackupManifest;
import com.paystream.testkit.postgres.backup.BackupTaker;
import com.paystream.testkit.postgres.backup.PointInTimeRestore;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The drill: a day's callbacks, a base backup, more callbacks, an instant T, more callbacks (which
 * the restored databases will not hold: only Kafka will), and then a destructive mistake as a
 * superuser ({@code DROP TABLE} of the ledger's postings). The databases are brought back to T
 * twice — by promoting the delayed standby at T, then from the base backup plus the archived WAL —
 * and each time the suite re-converges from Kafka: every acknowledged callback booked exactly once,
 * the journal verifies, and every balance is what it was before the mistake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisasterRecoveryIT {

  /** Long enough for the whole day below to stay inside it, short enough for a test. */
  private static final Duration STANDBY_DELAY = Duration.ofSeconds(150);

  private static final List<String> REIMPORT =
      List.of("--paystream.callback-reimport.enabled=true");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ReplicatedStack stack;
  private static SuiteClient client;
  private static final Set<String> acknowledged = new HashSet<>();
  private static Instant beforeTheMistake;
  private static Map<String, Long> balancesBeforeTheMistake;
  private static Postgres recovered;

  @BeforeAll
  static void aDayThenAMistake() throws Exception {
    stack = ReplicatedStack.start(STANDBY_DELAY);
    client = new SuiteClient(stack);
    acknowledged.addAll(CallbackStream.send(client, 30));
    CallbackStream.awaitBooked(ledgerOn("primary"), acknowledged);

    BackupManifest backup = taker().take(BackupKind.DAILY);

    acknowledged.addAll(CallbackStream.send(client, 30));
    CallbackStream.awaitBooked(ledgerOn("primary"), acknowledged);
    Thread.sleep(1_000);
    beforeTheMistake = Instant.now();
    Thread.sleep(1_000);
    // Acknowledged after T: booked, but only Kafka will remember them once the books are back at T.
    acknowledged.addAll(CallbackStream.send(client, 30));
    CallbackStream.awaitBooked(ledgerOn("primary"), acknowledged);
    balancesBeforeTheMistake = CallbackStream.balances(ledgerOn("primary"));

    try (Connection ledger = stack.superuser("primary", "ledger");
        Statement statement = ledger.createStatement()) {
      statement.execute("drop table posting cascade");
    }
    // A commit after the mistake, archived: the restorable range then reaches past T.
    taker().mark();
    stack.execute("primary", "select pg_switch_wal()");
    awaitArchivedRange(backup);
    stack.stopServices();
    List.of(ReplicatedStack.DELAYED, ReplicatedStack.STANDBY, "primary")
        .forEach(stack::stopPostgres);
  }

  @AfterAll
  static void stop() {
    if (recovered != null) {
      recovered.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void theDelayedStandbyPromotedAtTheInstantBeforeTheMistakeReconverges() throws Exception {
    recovered =
        Standby.recoverTo(
            stack.dataDir(ReplicatedStack.DELAYED),
            stack.port(ReplicatedStack.DELAYED),
            beforeTheMistake,
            stack.archive().resolve("wal"));

    assertReconverged(ReplicatedStack.DELAYED);
  }

  @Test
  @Order(2)
  void aPointInTimeRestoreFromTheBaseBackupAndTheWalReconverges() throws Exception {
    stack.stopServices();
    recovered.close();
    recovered = null;
    assertThat(BackupCatalogue.read(stack.archive()))
        .as("the catalogue lists a backup that restores to T")
        .anyMatch(entry -> entry.range().map(r -> r.reaches(beforeTheMistake)).orElse(false));

    recovered =
        PointInTimeRestore.restore(
            stack.archive(), beforeTheMistake, stack.dataDir("restored"), stack.port("primary"));

    assertReconverged("primary");
  }

  /**
   * The services on the restored server (the gateway re-importing what its inbox lost), then the
   * books: what was booked after T is booked again from Kafka, once.
   */
  private static void assertReconverged(String server) throws Exception {
    stack.execute(
        server, "alter system reset synchronous_standby_names", "select pg_reload_conf()");
    try (Connection ledger = stack.superuser(server, "ledger");
        Statement statement = ledger.createStatement()) {
      // The restore really went back to before the mistake, and behind the last callbacks.
      statement.executeQuery("select count(*) from posting").close();
    }
    assertThat(CallbackStream.balances(ledgerOn(server))).isNotEqualTo(balancesBeforeTheMistake);

    stack.startServices(REIMPORT);

    Map<String, Integer> entries = CallbackStream.awaitBooked(ledgerOn(server), acknowledged);
    assertThat(entries).hasSize(acknowledged.size());
    assertThat(entries.values()).allMatch(count -> count == 1);
    assertThat(CallbackStream.imbalanced(CallbackStream.trialBalance(ledgerOn(server)))).isEmpty();
    assertThat(CallbackStream.balances(ledgerOn(server))).isEqualTo(balancesBeforeTheMistake);
    HttpResponse<String> verification = client.get("ledger", "/v1/journal/verification");
    assertThat(verification.statusCode()).isEqualTo(200);
    JsonNode result = JSON.readTree(verification.body());
    assertThat(result.path("valid").asBoolean()).as(verification.body()).isTrue();
    // A provider retrying a callback acknowledged after T still gets "seen before".
    assertThat(inbox(server)).containsAll(acknowledged);
  }

  private static Set<String> inbox(String server) throws SQLException {
    Set<String> payments = new HashSet<>();
    try (Connection gateway = stack.superuser(server, "gateway");
        Statement statement = gateway.createStatement();
        var rows = statement.executeQuery("select payment_id from callback_inbox")) {
      while (rows.next()) {
        payments.add(rows.getString(1));
      }
    }
    return payments;
  }

  private static CallbackStream.ConnectionSource ledgerOn(String server) {
    return () -> stack.superuser(server, "ledger");
  }

  private static BackupTaker taker() {
    PGSimpleDataSource primary = new PGSimpleDataSource();
    primary.setURL("jdbc:postgresql://127.0.0.1:" + stack.port("primary") + "/postgres");
    primary.setUser(Postgres.USERNAME);
    primary.setPassword(Postgres.PASSWORD);
    return new BackupTaker(
        primary, stack.dataDir("primary"), BackupArchive.at(stack.archive()), Clock.systemUTC());
  }

  private static void awaitArchivedRange(BackupManifest backup) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                BackupArchive.at(stack.archive())
                    .read()
                    .restorableRange(backup)
                    .map(range -> range.reaches(beforeTheMistake))
                    .orElse(false));
  }
}
