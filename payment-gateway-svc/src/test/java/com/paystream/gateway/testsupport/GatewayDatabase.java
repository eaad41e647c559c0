package com.paystream.gateway.testsupport;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh gateway database on the shared PostgreSQL of the test JVM, the properties pointing the
 * service at it (connected as the runtime role, migrated by Flyway as the owner, as in production),
 * and plain JDBC as the owner to look at what the service wrote.
 */
public final class GatewayDatabase {

  private final DatabaseCoordinates coordinates;

  private GatewayDatabase(DatabaseCoordinates coordinates) {
    this.coordinates = coordinates;
  }

  public static GatewayDatabase create(String prefix) {
    return new GatewayDatabase(
        SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName(prefix)));
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.r2dbc.url", coordinates::r2dbcUrl);
    registry.add("spring.r2dbc.username", () -> coordinates.runtime().username());
    registry.add("spring.r2dbc.password", () -> coordinates.runtime().password());
    registry.add("spring.flyway.url", coordinates::jdbcUrl);
    registry.add("spring.flyway.user", () -> coordinates.owner().username());
    registry.add("spring.flyway.password", () -> coordinates.owner().password());
  }

  public DatabaseCoordinates coordinates() {
    return coordinates;
  }

  /** As the owner: it sees everything, and the tables' triggers still apply to it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        coordinates.jdbcUrl(), coordinates.owner().username(), coordinates.owner().password());
  }

  /** As the runtime role the service connects with. */
  public Connection connectAsRuntime() throws SQLException {
    return DriverManager.getConnection(
        coordinates.jdbcUrl(), coordinates.runtime().username(), coordinates.runtime().password());
  }

  public long count(String sql, Object... args) {
    return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
  }

  /** Every row as column name to value, in order. */
  public List<Map<String, Object>> rows(String sql, Object... args) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
            row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** Runs a statement the test expects the database to refuse; returns the refusal. */
  public SQLException refusal(String sql) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the database accepted: " + sql);
  }
}
