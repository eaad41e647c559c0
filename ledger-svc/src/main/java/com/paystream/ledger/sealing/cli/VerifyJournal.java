package com.paystream.ledger.sealing.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import com.paystream.ledger.sealing.JournalVerifier;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.ledger.sealing.Verification;
import com.paystream.ledger.sealing.VerificationReport;
import com.paystream.ledger.sealing.persistence.SealStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Verifies the journal offline, against the ledger's database, without starting the service: prints
 * the verification as one JSON line on standard output and exits 0 when valid, 1 when broken, 2
 * when it cannot run (bad arguments, no connection, no access). Messages go to standard error,
 * without a stack trace and never with the password.
 *
 * <pre>
 * java -Dloader.main=com.paystream.ledger.sealing.cli.VerifyJournal \
 *   -cp ledger-svc/target/ledger-svc-*-exec.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *   [--db-url=JDBC_URL] [--db-user=NAME] [--db-password-file=PATH] \
 *   [--public-key=BASE64_OR_PEM]... [--public-key-file=PATH]... [--from=YYYY-MM-DD] [--to=YYYY-MM-DD]
 * </pre>
 *
 * Each setting also comes from the environment, the service's own variables: {@code LEDGER_DB_URL},
 * {@code LEDGER_DB_USER}, {@code LEDGER_DB_PASSWORD}, {@code PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS}
 * (comma-separated, base64 or PEM). An argument wins over its variable; the public keys given as
 * arguments replace those of the environment. The password is never an argument (a command line is
 * visible to every local user): a file or the environment. No private key is needed or read.
 *
 * <p>The journal is read in one read-only REPEATABLE READ transaction: one snapshot, so a ledger
 * booking meanwhile cannot make a consistent journal look broken, and the verifier cannot write
 * even when it logs in as a superuser.
 */
public final class VerifyJournal {

  static final int VALID = 0;
  static final int BROKEN = 1;
  static final int CANNOT_RUN = 2;

  static final String USAGE =
      String.join(
          "\n",
          "usage: VerifyJournal [--db-url=JDBC_URL] [--db-user=NAME] [--db-password-file=PATH]",
          "                     [--public-key=BASE64_OR_PEM]... [--public-key-file=PATH]...",
          "                     [--from=YYYY-MM-DD] [--to=YYYY-MM-DD]",
          "  environment: LEDGER_DB_URL (default " + Settings.DEFAULT_URL + "), LEDGER_DB_USER,",
          "  LEDGER_DB_PASSWORD, PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS (comma-separated); arguments win",
          "  exit status: 0 valid, 1 broken, 2 cannot run");

  private VerifyJournal() {}

  public static void main(String[] args) {
    quietLogging();
    int status;
    try {
      status = run(args, System.getenv(), System.out, System.err);
    } catch (RuntimeException e) {
      // A bug, not an operating error: its trace helps, and 2 keeps it from reading as "broken".
      System.err.println("journal verification failed unexpectedly:");
      e.printStackTrace(System.err);
      status = CANNOT_RUN;
    }
    System.out.flush();
    System.exit(status);
  }

  /** The whole command, in-process: settings from {@code args} over {@code env}. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Settings settings;
    SealKeys keys;
    try {
      settings = Settings.parse(args, env);
      keys = SealKeys.of(null, settings.publicKeys());
    } catch (IllegalArgumentException e) {
      err.println("journal verification: " + e.getMessage());
      err.println(USAGE);
      return CANNOT_RUN;
    }
    Verification result;
    try (Connection connection = connect(settings)) {
      result = verify(connection, keys, settings);
    } catch (SQLException | DataAccessException e) {
      err.println(
          "journal verification could not run against the ledger database as "
              + settings.user()
              + ": "
              + reason(e));
      return CANNOT_RUN;
    }
    out.println(VerificationReport.json(result));
    out.flush();
    return result.valid() ? VALID : BROKEN;
  }

  private static Connection connect(Settings settings) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", settings.user());
    if (settings.password() != null) {
      login.setProperty("password", settings.password());
    }
    login.setProperty("ApplicationName", "paystream-verify-journal");
    login.setProperty("connectTimeout", "10");
    Connection connection = DriverManager.getConnection(settings.url(), login);
    try {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  private static Verification verify(Connection connection, SealKeys keys, Settings settings)
      throws SQLException {
    try {
      JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      return new JournalVerifier(new SealStore(jdbc), keys).verify(settings.from(), settings.to());
    } finally {
      connection.rollback();
    }
  }

  /** The driver's own words (they name host, role or table, never the password). */
  private static String reason(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException && cause.getMessage() != null) {
        return cause.getMessage();
      }
    }
    return e.getMessage();
  }

  /**
   * Run from the jar, nothing configures logback, whose default logs everything at DEBUG to
   * standard output, where only the JSON line belongs: warnings and errors go to standard error.
   */
  private static void quietLogging() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
        || System.getProperty("logback.configurationFile") != null) {
      return;
    }
    context.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger{20} - %msg%n");
    encoder.start();
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
  }

  /**
   * What to verify and how to connect. The password is read from its file or the environment, never
   * taken from the command line, and {@link #toString()} leaves it out.
   */
  record Settings(
      String url,
      String user,
      String password,
      List<String> publicKeys,
      LocalDate from,
      LocalDate to) {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/ledger";

    static Settings parse(String[] args, Map<String, String> env) {
      String url = null;
      String user = null;
      String password = null;
      LocalDate from = null;
      LocalDate to = null;
      List<String> keys = new ArrayList<>();
      for (String arg : args) {
        int equals = arg.indexOf('=');
        // Only the name is ever echoed: the value may be a secret typed in the wrong place.
        String name = equals < 0 ? arg : arg.substring(0, equals);
        String value = equals < 0 ? null : arg.substring(equals + 1);
        switch (name) {
          case "--db-url" -> url = required(name, value);
          case "--db-user" -> user = required(name, value);
          case "--db-password-file" -> password = passwordFrom(required(name, value));
          case "--db-password" ->
              throw new IllegalArgumentException(
                  "the password never goes on the command line (other users can read it there):"
                      + " use --db-password-file=PATH or LEDGER_DB_PASSWORD");
          case "--public-key" -> keys.add(required(name, value));
          case "--public-key-file" -> keys.add(read(required(name, value), "public key"));
          case "--from" -> from = date(name, required(name, value));
          case "--to" -> to = date(name, required(name, value));
          default -> throw new IllegalArgumentException("unknown argument " + name);
        }
      }
      url = url != null ? url : env.getOrDefault("LEDGER_DB_URL", DEFAULT_URL);
      user = user != null ? user : blankToNull(env.get("LEDGER_DB_USER"));
      password = password != null ? password : blankToNull(env.get("LEDGER_DB_PASSWORD"));
      if (keys.isEmpty()) {
        keys.addAll(splitKeys(env.getOrDefault("PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS", "")));
      }
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "the database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/ledger)");
      }
      if (user == null) {
        throw new IllegalArgumentException("no database user: --db-user=NAME or LEDGER_DB_USER");
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(
            "no seal public key, so no seal could be checked: --public-key=, --public-key-file="
                + " or PAYSTREAM_LEDGER_SEAL_PUBLIC_KEYS");
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new IllegalArgumentException("--from " + from + " is after --to " + to);
      }
      return new Settings(url, user, password, List.copyOf(keys), from, to);
    }

    @Override
    public String toString() {
      return "Settings[" + url + ", user " + user + ", " + publicKeys.size() + " public keys]";
    }

    private static String required(String name, String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
      }
      return value;
    }

    private static String passwordFrom(String path) {
      // A file written by echo or a secret mount ends with a newline that is not the password's.
      String password = read(path, "password").replaceAll("[\r\n]+$", "");
      if (password.isEmpty()) {
        throw new IllegalArgumentException("the password file " + path + " is empty");
      }
      return password;
    }

    private static String read(String path, String what) {
      try {
        return Files.readString(Path.of(path));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("cannot read the " + what + " file " + path);
      }
    }

    private static LocalDate date(String name, String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(name + " needs a date YYYY-MM-DD, not '" + value + "'");
      }
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }
  }

  /** Comma-separated keys; PEM keys contain no commas. */
  static List<String> splitKeys(String keys) {
    List<String> out = new ArrayList<>();
    for (String key : keys.split(",")) {
      if (!key.isBlank()) {
        out.add(key.trim());
      }
    }
    return out;
  }
}
