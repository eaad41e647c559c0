package com.paystream.gateway.benchmark;

import com.paystream.testkit.postgres.DatabaseCoordinates;
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

  DatabaseCoordinates createDatabase(String name) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new DatabaseCoordinates("127.0.0.1", server.getPort(), name, "postgres", "postgres");
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
