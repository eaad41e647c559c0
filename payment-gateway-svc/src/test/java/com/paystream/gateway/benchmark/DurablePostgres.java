package com.paystream.gateway.benchmark;

import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.DatabaseLogin;
import com.paystream.testkit.postgres.ServiceRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server with the durability a production gateway has (fsync and synchronous commit
 * on), for the benchmark only: the shared test server trades fsync away for speed, which would make
 * "durable before ack" free and the comparison meaningless.
 */
final class DurablePostgres implements AutoCloseable {

  private final EmbeddedPostgres server;
  private final Path dataDir;

  private DurablePostgres(EmbeddedPostgres server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  static DurablePostgres start() {
    try {
      Path dir = Files.createTempDirectory("gateway-bench-pg-");
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setLocaleConfig("locale", "C")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "200")
              .start();
      return new DurablePostgres(server, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's data directory (its {@code postmaster.pid} names the server process). */
  Path dataDir() {
    return dataDir;
  }

  /** The database and its owner and runtime roles, as the test kit makes them. */
  DatabaseCoordinates createDatabase(String name) {
    DatabaseLogin owner =
        new DatabaseLogin(ServiceRoles.roleName(name, "owner"), ServiceRoles.randomPassword());
    DatabaseLogin runtime =
        new DatabaseLogin(ServiceRoles.roleName(name, "runtime"), ServiceRoles.randomPassword());
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
      ServiceRoles.ensureLogin(connection, owner);
      ServiceRoles.ensureLogin(connection, runtime);
      ServiceRoles.assignDatabase(connection, name, owner.username());
    } catch (Exception e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new DatabaseCoordinates("127.0.0.1", server.getPort(), name, owner, runtime);
  }

  @Override
  public void close() throws IOException {
    server.close();
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
