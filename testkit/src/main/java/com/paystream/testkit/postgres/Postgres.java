package com.paystream.testkit.postgres;

import com.paystream.testkit.support.Directories;
import com.paystream.testkit.support.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server on 127.0.0.1, started from the zonky embedded binaries. Each caller
 * gets its own database ({@link #createDatabase}); all share the one server.
 */
public final class Postgres implements AutoCloseable {

  public static final String HOST = "127.0.0.1";

  /**
   * The superuser: it creates databases and roles, and tests use it for fixtures. Services never
   * connect as it (see {@link #createDatabase}).
   */
  public static final String USERNAME = "postgres";

  /**
   * Authentication is "trust" on the loopback interface; the password only satisfies clients that
   * insist on one (R2DBC, Flyway). Not a secret.
   */
  public static final String PASSWORD = "postgres";

  private static final Logger log = LoggerFactory.getLogger(Postgres.class);
  private static final String ADMIN_DATABASE = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String DUPLICATE_DATABASE = "42P04";

  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final boolean temporary;

  private Postgres(EmbeddedPostgres server, Path dataDir, boolean temporary) {
    this.server = server;
    this.dataDir = dataDir;
    this.temporary = temporary;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 for a free one). With a {@code dataDir} the cluster is
   * created on first use and kept (databases and all) across restarts; without one it lives in a
   * temp directory that {@link #close()} removes.
   */
  public static Postgres start(Path dataDir, int port) {
    boolean temporary = dataDir == null;
    Path dir = temporary ? Directories.createTemp("postgres-") : Directories.ensure(dataDir);
    if (!temporary) {
      StalePostmaster.stopIfRunning(dir);
    }
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(temporary)
              .setPort(Ports.orFree(port))
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setLocaleConfig("locale", "C")
              // Losing the last commits on an OS crash is fine for tests and a local stack, and
              // these make PostgreSQL noticeably faster on a slow disk. A killed process loses
              // nothing: the page cache survives it.
              .setServerConfig("fsync", "off")
              .setServerConfig("full_page_writes", "off")
              // The embedded server's default is off, which answers a commit before its WAL is
              // written: a killed postmaster could lose what a service acknowledged.
              .setServerConfig("synchronous_commit", "on")
              .start();
      Postgres postgres = new Postgres(server, dir, temporary);
      postgres.requirePasswordsExceptForSuperuser();
      log.info("PostgreSQL ready at {}:{} (data {})", HOST, server.getPort(), dir);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + dir, e);
    }
  }

  /**
   * The superuser keeps "trust" on the loopback interface (tests and the local stack only); every
   * other role must give its password (SCRAM), so a service handed the wrong credentials fails to
   * connect here as it would in production.
   */
  private void requirePasswordsExceptForSuperuser() {
    String rules =
        String.join(
            "\n",
            "# Written by the paystream test kit on every start.",
            "local all " + USERNAME + " trust",
            "host all " + USERNAME + " 127.0.0.1/32 trust",
            "host all " + USERNAME + " ::1/128 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            "");
    try {
      Files.writeString(dataDir.resolve("pg_hba.conf"), rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pg_hba.conf in " + dataDir, e);
    }
    try (Connection connection = dataSource(ADMIN_DATABASE).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reload the authentication rules", e);
    }
  }

  public String host() {
    return HOST;
  }

  public int port() {
    return server.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Creates the database unless it exists, with its two roles ({@link ServiceRoles}): the owner
   * {@code <name>_owner}, which owns the database and runs the migrations, and the runtime role
   * {@code <name>_runtime} the service connects with. Both get new random passwords on every call.
   * Names are lower-case SQL identifiers ({@code [a-z_][a-z0-9_]*}, at most 63 characters) so they
   * never need quoting.
   */
  public DatabaseCoordinates createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain lower-case database name: " + name);
    }
    DatabaseLogin owner = newLogin(name, "owner");
    DatabaseLogin runtime = newLogin(name, "runtime");
    try (Connection connection = dataSource(ADMIN_DATABASE).getConnection()) {
      if (!exists(connection, name)) {
        create(connection, name);
      }
      ServiceRoles.ensureLogin(connection, owner);
      ServiceRoles.ensureLogin(connection, runtime);
      ServiceRoles.assignDatabase(connection, name, owner.username());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new DatabaseCoordinates(HOST, port(), name, owner, runtime);
  }

  /**
   * One more runtime role for a database, {@code <database>_<kind>}, with a new random password:
   * for a second service working in the same database (the relay in the gateway's). It may do
   * nothing until that service's grants give it something.
   */
  public DatabaseLogin createRuntimeRole(String database, String kind) {
    DatabaseLogin login = newLogin(database, kind);
    try (Connection connection = dataSource(ADMIN_DATABASE).getConnection()) {
      ServiceRoles.ensureLogin(connection, login);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create role " + login.username(), e);
    }
    return login;
  }

  private static DatabaseLogin newLogin(String database, String kind) {
    return new DatabaseLogin(ServiceRoles.roleName(database, kind), ServiceRoles.randomPassword());
  }

  /** A plain, unpooled data source for the database, as the superuser: for fixtures only. */
  public DataSource dataSource(String database) {
    return dataSource(database, new DatabaseLogin(USERNAME, PASSWORD));
  }

  /** A plain, unpooled data source for the database, logged in as {@code login}. */
  public DataSource dataSource(String database, DatabaseLogin login) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {HOST});
    dataSource.setPortNumbers(new int[] {port()});
    dataSource.setDatabaseName(database);
    dataSource.setUser(login.username());
    dataSource.setPassword(login.password());
    return dataSource;
  }

  /** Stops the server (fast shutdown) and removes the data if it was a temporary directory. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL", e);
    } finally {
      if (temporary && Files.exists(dataDir)) {
        Directories.deleteRecursively(dataDir);
      }
    }
    log.info("PostgreSQL at {}:{} stopped", HOST, port());
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      query.setString(1, name);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  private static void create(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // CREATE DATABASE takes no bind parameters; the name was checked against DATABASE_NAME and
      // is quoted only so that words like "user" work.
      statement.execute("create database \"" + name + "\"");
      log.info("Created database {}", name);
    } catch (SQLException e) {
      // Another thread or JVM created it between the check and here: that is the same outcome.
      if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
        throw e;
      }
    }
  }
}
