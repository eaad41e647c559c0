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
import java.util.concurrent.TimeUnit;
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
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ORPHANS_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PROMOTE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

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
    return start(PostgresOptions.builder().dataDir(dataDir).port(port).build());
  }

  /**
   * Starts PostgreSQL as {@code options} say, and returns once it accepts connections (a standby:
   * once it is consistent and open for reading). A data directory that already holds a cluster is
   * started as it is (crash recovery included); the kit's settings ({@link ServerSettings}) are
   * written again first.
   */
  public static Postgres start(PostgresOptions options) {
    boolean temporary = options.dataDir() == null;
    Path dir =
        temporary ? Directories.createTemp("postgres-") : Directories.ensure(options.dataDir());
    if (!temporary) {
      StalePostmaster.stopIfRunning(dir);
      StalePostmaster.awaitOrphanedBackends(dir, ORPHANS_TIMEOUT);
    }
    if (options.walArchive() != null) {
      Directories.ensure(options.walArchive());
    }
    try {
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(temporary)
              .setPort(Ports.orFree(options.port()))
              .setRegisterShutdownHook(false)
              .setPGStartupWait(STARTUP_TIMEOUT)
              .setLocaleConfig("locale", "C")
              .setDataDirectoryCustomizer(data -> ServerSettings.write(data.toPath(), options))
              // Losing the last commits on an OS crash is fine for tests and a local stack, and
              // this makes PostgreSQL noticeably faster on a slow disk. A killed process loses
              // nothing: the page cache survives it. (zonky's -F says the same.)
              .setServerConfig("fsync", "off")
              // The embedded server's default is off, which answers a commit before its WAL is
              // written: a killed postmaster could lose what a service acknowledged.
              .setServerConfig(
                  "synchronous_commit",
                  options.extraSettings().getOrDefault("synchronous_commit", "on"))
              .start();
      Postgres postgres = new Postgres(server, dir, temporary);
      log.info("PostgreSQL ready at {}:{} (data {})", HOST, server.getPort(), dir);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + dir, e);
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

  /** The process id of the postmaster, from {@code postmaster.pid}. */
  public long postmasterPid() {
    return StalePostmaster.readPid(dataDir)
        .orElseThrow(() -> new IllegalStateException("no postmaster.pid in " + dataDir));
  }

  /**
   * {@code pg_is_in_recovery()}: true on a standby, and on a server still replaying to a target.
   */
  public boolean isInRecovery() {
    return queryBoolean("select pg_is_in_recovery()");
  }

  /**
   * Ends recovery: a standby becomes a primary on a new timeline. Waits (up to a minute) until it
   * accepts writes; false if it did not in that time.
   */
  public boolean promote() {
    return queryBoolean("select pg_promote(true, " + PROMOTE_TIMEOUT.toSeconds() + ")");
  }

  /**
   * Sends SIGKILL to the postmaster and waits until it is gone: a crash, for tests. Its backends
   * notice and exit on their own; {@link #close()} afterwards only releases the kit's lock, and
   * starting again on the same data directory runs crash recovery.
   */
  public long killPostmaster() {
    long pid = postmasterPid();
    ProcessHandle.of(pid)
        .ifPresent(
            postmaster -> {
              postmaster.destroyForcibly();
              postmaster.onExit().orTimeout(KILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            });
    log.warn("Killed the postmaster of {}:{} (pid {})", HOST, port(), pid);
    return pid;
  }

  private boolean queryBoolean(String sql) {
    try (Connection connection = dataSource(ADMIN_DATABASE).getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getBoolean(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + " at " + HOST + ":" + port(), e);
    }
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
    try (Connection connection = setupConnection()) {
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
   * Creates the database unless it exists, and nothing else: its roles and their passwords are the
   * caller's (the local stack provisions its own). A restarted server must not change the passwords
   * the running services log in with.
   */
  public void ensureDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain lower-case database name: " + name);
    }
    try (Connection connection = setupConnection()) {
      if (!exists(connection, name)) {
        create(connection, name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  /**
   * One more runtime role for a database, {@code <database>_<kind>}, with a new random password:
   * for a second service working in the same database (the relay in the gateway's). It may do
   * nothing until that service's grants give it something.
   */
  public DatabaseLogin createRuntimeRole(String database, String kind) {
    DatabaseLogin login = newLogin(database, kind);
    try (Connection connection = setupConnection()) {
      ServiceRoles.ensureLogin(connection, login);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create role " + login.username(), e);
    }
    return login;
  }

  /**
   * A superuser session whose commits do not wait for a synchronous standby: a local stack's
   * primary creates its databases before announcing readiness, and its standby starts (from a base
   * backup that then holds them) only after that. Waiting would wait for ever.
   */
  private Connection setupConnection() throws SQLException {
    Connection connection = dataSource(ADMIN_DATABASE).getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("set synchronous_commit = local");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
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

  /**
   * Stops the server (fast shutdown: open sessions are ended, nothing committed is lost) and
   * removes the data if it was a temporary directory; a kept data directory can be started again.
   */
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
