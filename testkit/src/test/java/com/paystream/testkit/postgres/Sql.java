package com.paystream.testkit.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Superuser statements on the {@code postgres} database, for the replication tests. */
final class Sql {

  private Sql() {}

  static void execute(Postgres server, String sql) {
    try (Connection connection = server.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static String queryString(Postgres server, String sql) {
    List<String> values = queryStrings(server, sql);
    if (values.size() != 1) {
      throw new IllegalStateException(sql + " returned " + values);
    }
    return values.get(0);
  }

  static List<String> queryStrings(Postgres server, String sql) {
    try (Connection connection = server.dataSource("postgres").getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static boolean tableExists(Postgres server, String table) {
    return !queryStrings(server, "select 1 from pg_tables where tablename = '" + table + "'")
        .isEmpty();
  }
}
