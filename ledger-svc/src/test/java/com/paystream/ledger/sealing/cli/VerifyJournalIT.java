package com.paystream.ledger.sealing.cli;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.dayclose.CloseResult;
import com.paystream.ledger.dayclose.DayCloseService;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.ledger.support.MutableClock;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.testkit.SharedInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The offline verifier, run in-process against the ledger's real database while the service runs: a
 * booked and sealed journal is valid (exit 0), a posting rewritten by a superuser behind the
 * triggers is named (exit 1), a seal checked with the wrong public key fails (exit 1), and bad
 * arguments or an unreachable database end with a message and exit 2. No run ever prints the
 * password. The steps build on each other, in order.
 */
@TestPropertySource(properties = "paystream.ledger.day-close.enabled=false")
@Import(VerifyJournalIT.Clocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyJournalIT extends LedgerServiceTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-01");
  private static final List<PaymentCallback> PAYMENTS = new ArrayList<>();
  private static final String PUBLIC_KEY = SealKeys.pem(SEAL_KEYS.getPublic());

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    }
  }

  @Autowired private MutableClock clock;
  @Autowired private DayCloseService closes;
  @Autowired private Environment environment;
  @TempDir private Path dir;

  private String url;
  private String user;
  private String password;
  private Path passwordFile;

  @BeforeEach
  void runtimeLogin() throws IOException {
    url = environment.getRequiredProperty("spring.datasource.url");
    user = environment.getRequiredProperty("spring.datasource.username");
    password = environment.getRequiredProperty("spring.datasource.password");
    passwordFile = Files.writeString(dir.resolve("ledger-db-password"), password + "\n");
  }

  /** The service's own variables, as an operator's shell would hold them. */
  private Map<String, String> serviceEnvironment() {
    return Map.of(
        "LEDGER_DB_URL", url,
        "LEDGER_DB_USER", user,
        "LEDGER_DB_PASSWORD", password,
        "PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS", PUBLIC_KEY);
  }

  private String[] loginArguments(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("--db-url=" + url, "--db-user=" + user, "--db-password-file=" + passwordFile));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  @Order(1)
  void aBookedAndSealedJournalIsValid() throws SQLException {
    for (int i = 0; i < 4; i++) {
      PaymentCallback payment = succeeded("verify-" + i + "-" + UUID.randomUUID(), 2_000 + i);
      PAYMENTS.add(payment);
      send(payment);
    }
    PAYMENTS.forEach(this::awaitProcessed);
    clock.set(Instant.parse("2026-03-02T01:00:00Z"));
    assertThat(closes.close(DAY)).isInstanceOf(CloseResult.Closed.class);

    Run run = verify(new String[0], serviceEnvironment());

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .startsWith("{\"valid\":true,")
        .contains("\"entriesChecked\":4", "\"sealsChecked\":1")
        .endsWith("}\n")
        .hasLineCount(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  @Order(2)
  void argumentsWinOverTheEnvironment() {
    Map<String, String> stale = new HashMap<>(serviceEnvironment());
    stale.put("LEDGER_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
    stale.put("LEDGER_DB_USER", "nobody");
    stale.put("LEDGER_DB_PASSWORD", "not-the-password");

    Run run = verify(loginArguments(), stale);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("{\"valid\":true,");
  }

  @Test
  @Order(3)
  void aWrongPublicKeyFailsTheSealCheck() {
    String otherKey =
        java.util.Base64.getEncoder()
            .encodeToString(SealKeys.generatePair().getPublic().getEncoded());

    // The environment holds the right key; the argument replaces it.
    Run run = verify(loginArguments("--public-key=" + otherKey), serviceEnvironment());

    assertThat(run.status()).isEqualTo(VerifyJournal.BROKEN);
    assertThat(run.out())
        .startsWith("{\"valid\":false,")
        .contains("\"brokenSealDate\":\"" + DAY + "\"")
        .contains("not among the configured public keys")
        .doesNotContain("firstBrokenEntryId");
  }

  @Test
  @Order(4)
  void aPostingRewrittenBehindTheTriggersIsNamed() throws SQLException {
    UUID victim =
        jdbc.queryForObject(
            "select id from journal_entry where payment_id = ?",
            UUID.class,
            PAYMENTS.get(2).getPaymentId());
    superuser(
        "update posting set amount_minor = amount_minor + 1 where entry_id = ? and line_no = 1",
        victim);
    try {
      Run run = verify(loginArguments("--public-key=" + PUBLIC_KEY), Map.of());

      assertThat(run.status()).isEqualTo(VerifyJournal.BROKEN);
      assertThat(run.out())
          .startsWith("{\"valid\":false,")
          .contains("\"firstBrokenEntryId\":\"" + victim + "\"")
          .contains("does not match its stored hash");
    } finally {
      superuser(
          "update posting set amount_minor = amount_minor - 1 where entry_id = ? and line_no = 1",
          victim);
    }
    assertThat(verify(new String[0], serviceEnvironment()).status()).isZero();
  }

  @Test
  @Order(5)
  void badArgumentsEndWithAMessageAndStatusTwo() {
    Map<String, String> env = serviceEnvironment();
    assertCannotRun(verify(new String[] {"--verbose"}, env), "unknown argument --verbose");
    assertCannotRun(verify(new String[] {"--from=yesterday"}, env), "--from needs a date");
    assertCannotRun(
        verify(new String[] {"--from=2026-03-02", "--to=2026-03-01"}, env), "is after --to");
    assertCannotRun(
        verify(new String[] {"--public-key=not-a-key"}, env), "not an X.509 Ed25519 key");
    assertCannotRun(
        verify(new String[] {"--db-password-file=" + dir.resolve("missing")}, env),
        "cannot read the password file");
    assertCannotRun(
        verify(new String[] {"--db-url=jdbc:mysql://localhost/ledger"}, env),
        "must be a PostgreSQL JDBC URL");
    Map<String, String> noUser = new HashMap<>(env);
    noUser.remove("LEDGER_DB_USER");
    assertCannotRun(verify(new String[0], noUser), "no database user");
    Map<String, String> noKey = new HashMap<>(env);
    noKey.remove("PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS");
    assertCannotRun(verify(new String[0], noKey), "no seal public key");
  }

  @Test
  @Order(6)
  void aPasswordOnTheCommandLineIsRefusedWithoutEchoingIt() {
    Run run = verify(new String[] {"--db-password=" + password}, serviceEnvironment());

    assertCannotRun(run, "never goes on the command line");
  }

  @Test
  @Order(7)
  void anUnreachableDatabaseEndsWithAMessageAndStatusTwo() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Run run =
        verify(
            loginArguments("--db-url=jdbc:postgresql://127.0.0.1:" + closedPort + "/ledger"),
            serviceEnvironment());

    assertCannotRun(run, "could not run against the ledger database as " + user);
    assertThat(run.err()).contains("refused");
  }

  @Test
  @Order(8)
  void aWrongPasswordEndsWithAMessageAndStatusTwo() throws IOException {
    Path wrong = Files.writeString(dir.resolve("wrong"), "Wrong" + password);

    Run run =
        verify(
            loginArguments("--db-password-file=" + wrong, "--public-key=" + PUBLIC_KEY), Map.of());

    assertCannotRun(run, "password authentication failed");
    assertThat(run.err()).doesNotContain("Wrong" + password);
  }

  @Test
  @Order(9)
  void aRoleWithoutAccessToTheJournalEndsWithStatusTwo() throws SQLException {
    // A role that may log in but was granted nothing in the ledger's database.
    String stranger = "verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = superuserConnection();
        Statement st = connection.createStatement()) {
      st.execute("create role " + stranger + " login password '" + stranger + "'");
    }
    try {
      Path file = writePassword(stranger);

      Run run =
          verify(
              new String[] {
                "--db-url=" + url, "--db-user=" + stranger, "--db-password-file=" + file
              },
              serviceEnvironment());

      assertCannotRun(run, "permission denied");
    } finally {
      try (Connection connection = superuserConnection();
          Statement st = connection.createStatement()) {
        st.execute("drop role " + stranger);
      }
    }
  }

  private Path writePassword(String text) {
    try {
      return Files.writeString(dir.resolve("stranger"), text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertCannotRun(Run run, String message) {
    assertThat(run.status()).as(run.err()).isEqualTo(VerifyJournal.CANNOT_RUN);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(message).doesNotContain("\tat ", "Exception");
  }

  private record Run(int status, String out, String err) {}

  /** Runs the command in-process; whatever it prints, the password is never part of it. */
  private Run verify(String[] args, Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = VerifyJournal.run(args, env, o, e);
    }
    Run run =
        new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertThat(run.out() + run.err()).doesNotContain(password);
    return run;
  }

  private Connection superuserConnection() throws SQLException {
    String database = jdbc.queryForObject("select current_database()", String.class);
    return SharedInfrastructure.postgres().dataSource(database).getConnection();
  }

  /** As the superuser, behind the append-only triggers: what the journal's seal must expose. */
  private void superuser(String sql, Object... args) throws SQLException {
    try (Connection connection = superuserConnection()) {
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        st.execute("set local session_replication_role = replica");
      }
      try (PreparedStatement st = connection.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          st.setObject(i + 1, args[i]);
        }
        st.executeUpdate();
      }
      connection.commit();
    }
  }
}
