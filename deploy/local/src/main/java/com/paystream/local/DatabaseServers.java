package com.paystream.local;

import com.paystream.local.StackOptions.DatabaseOptions;
import com.paystream.local.process.ChildSpec;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.services.Endpoints;
import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.backup.PointInTimeRestore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's PostgreSQL servers: the primary and, unless {@code --no-replicas}, a synchronous
 * standby (a commit is acknowledged only once the standby has it) and a delayed standby, each a
 * supervised process that is restarted when it dies. The primary archives its WAL into the backup
 * directory.
 */
final class DatabaseServers {

  static final String STANDBY = "standby";
  static final String DELAYED = "delayed";
  private static final Logger log = LoggerFactory.getLogger(DatabaseServers.class);
  private static final Duration WRITABLE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration POLL = Duration.ofMillis(500);

  private final ChildCommands commands;
  private final Endpoints endpoints;
  private final DatabaseOptions options;
  private final Function<ChildSpec, SupervisedChild> starter;
  private final List<SupervisedChild> children = new ArrayList<>();

  DatabaseServers(
      ChildCommands commands,
      Endpoints endpoints,
      DatabaseOptions options,
      Function<ChildSpec, SupervisedChild> starter) {
    this.commands = commands;
    this.endpoints = endpoints;
    this.options = options;
    this.starter = starter;
  }

  /**
   * Starts the primary, waits until it accepts writes (a restored one first replays its WAL), then
   * the standbys; only once the synchronous standby streams does the primary wait for it, so that
   * nothing before (the databases, the roles) waits for a standby that does not exist yet.
   */
  void start(Consumer<List<SupervisedChild>> awaitReady) {
    SupervisedChild primary = starter.apply(commands.postgres());
    children.add(primary);
    awaitReady.accept(List.of(primary));
    awaitWritable();
    // A restored primary reached its target: a standby copied from it must not stop there too.
    PointInTimeRestore.forgetTarget(superuserDataSource());
    if (!options.replicas()) {
      return;
    }
    List<SupervisedChild> standbys =
        List.of(
            starter.apply(
                commands.standby(STANDBY, endpoints.standbyPorts().get(0), Duration.ZERO)),
            starter.apply(
                commands.standby(
                    DELAYED, endpoints.standbyPorts().get(1), options.standbyDelay())));
    children.addAll(standbys);
    awaitReady.accept(standbys);
    execute(
        "alter system set synchronous_standby_names = 'FIRST 1 (" + STANDBY + ")'",
        "select pg_reload_conf()");
    log.info(
        "PostgreSQL primary on {}, synchronous standby on {}, standby {} behind on {}",
        endpoints.postgresPort(),
        endpoints.standbyPorts().get(0),
        options.standbyDelay(),
        endpoints.standbyPorts().get(1));
  }

  List<SupervisedChild> children() {
    return List.copyOf(children);
  }

  /** Stops restarting any of them: shutdown has begun. */
  void stopRestarting() {
    children.forEach(SupervisedChild::stopRestarting);
  }

  /** The standbys first (nothing waits for them any more), the primary last. */
  void stop() {
    for (int i = children.size() - 1; i >= 0; i--) {
      children.get(i).stop();
    }
  }

  private void awaitWritable() {
    Instant deadline = Instant.now().plus(WRITABLE_TIMEOUT);
    while (true) {
      try (Connection connection = superuser();
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("select pg_is_in_recovery()")) {
        result.next();
        if (!result.getBoolean(1)) {
          return;
        }
        log.info("PostgreSQL is replaying its WAL before it accepts writes");
      } catch (SQLException e) {
        log.debug("PostgreSQL not reachable yet: {}", e.getMessage());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "PostgreSQL still in recovery after " + WRITABLE_TIMEOUT.toMinutes() + " min");
      }
      sleep(POLL);
    }
  }

  private void execute(String... statements) {
    try (Connection connection = superuser();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot configure the primary: " + e.getMessage(), e);
    }
  }

  private Connection superuser() throws SQLException {
    return superuserDataSource().getConnection();
  }

  /** The primary's own port: the servers are being set up, there is nothing to follow yet. */
  private DataSource superuserDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {endpoints.host()});
    dataSource.setPortNumbers(new int[] {endpoints.postgresPort()});
    dataSource.setDatabaseName("postgres");
    dataSource.setUser(Postgres.USERNAME);
    dataSource.setPassword(Postgres.PASSWORD);
    return dataSource;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
  }
}
