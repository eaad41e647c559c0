package com.paystream.ledger.support;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A fresh database on the shared PostgreSQL, migrated exactly as the service migrates it: by Flyway
 * as the owner, with the runtime role's grants applied.
 */
public final class LedgerDatabase {

  private final DatabaseCoordinates coordinates;

  private LedgerDatabase(DatabaseCoordinates coordinates) {
    this.coordinates = coordinates;
  }

  public static LedgerDatabase migrated(String prefix) {
    DatabaseCoordinates db =
        SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName(prefix));
    migrate(db);
    return new LedgerDatabase(db);
  }

  /** Flyway as the owner, granting the runtime role what the service's grants file says. */
  public static void migrate(DatabaseCoordinates db) {
    Flyway.configure()
        .dataSource(db.jdbcUrl(), db.owner().username(), db.owner().password())
        .locations("classpath:db/migration", "classpath:db/outbox")
        .placeholders(Map.of("runtime_role", db.runtime().username()))
        .load()
        .migrate();
  }

  public DatabaseCoordinates coordinates() {
    return coordinates;
  }

  /** As the runtime role, the one the service connects with. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        coordinates.jdbcUrl(), coordinates.runtime().username(), coordinates.runtime().password());
  }

  /** As the owner, for fixtures the service itself could not write. */
  public Connection connectAsOwner() throws SQLException {
    return DriverManager.getConnection(
        coordinates.jdbcUrl(), coordinates.owner().username(), coordinates.owner().password());
  }
}
