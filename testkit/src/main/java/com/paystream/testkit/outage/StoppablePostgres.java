package com.paystream.testkit.outage;

import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.support.Directories;
import java.nio.file.Path;

/**
 * A PostgreSQL server of a test's own, apart from the shared one, that the test may stop and start
 * again on the same data directory and port: the databases, roles and passwords it created survive
 * the restart, so a service keeps its configuration and only its connections break.
 */
public final class StoppablePostgres implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private Postgres server;

  private StoppablePostgres(Path dataDir, Postgres server) {
    this.dataDir = dataDir;
    this.port = server.port();
    this.server = server;
  }

  /** Starts a new server on a free port in a new temporary directory. */
  public static StoppablePostgres start() {
    Path dataDir = Directories.createTemp("postgres-outage-");
    return new StoppablePostgres(dataDir, Postgres.start(dataDir, 0));
  }

  /** The running server; {@link IllegalStateException} while it is stopped. */
  public synchronized Postgres server() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL on port " + port + " is stopped");
    }
    return server;
  }

  public int port() {
    return port;
  }

  /** Stops the server (fast shutdown: open connections break); the data stays. */
  public synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Starts the server again on the same data directory and port. */
  public synchronized void restart() {
    if (server == null) {
      server = Postgres.start(dataDir, port);
    }
  }

  /** Stops the server and removes its data. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      Directories.deleteRecursively(dataDir);
    }
  }
}
