package com.paystream.testkit.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Tries, as whoever the data source logs in as, every way of rewriting a table's history that does
 * not go through the table's triggers: UPDATE, DELETE, TRUNCATE, disabling the triggers, switching
 * them off for the session ({@code session_replication_role = replica}), dropping the table and
 * creating one beside it. Each attempt runs in its own transaction and is rolled back, whatever it
 * did. The answer is what PostgreSQL did NOT refuse for lack of privilege (SQLSTATE 42501): empty
 * for a properly limited role, everything for a superuser.
 */
public final class TamperingProbe {

  /** insufficient_privilege: "permission denied ..." or "must be owner of ...". */
  public static final String INSUFFICIENT_PRIVILEGE = "42501";

  private TamperingProbe() {}

  /**
   * The statements that were not refused for lack of privilege, each with what happened instead
   * ("accepted" or the other error's SQLSTATE and message).
   */
  public static Map<String, String> notRefused(DataSource login, String schema, String table)
      throws SQLException {
    String qualified = quote(schema) + "." + quote(table);
    String column = firstColumn(login, schema, table);
    List<String> attempts = new ArrayList<>();
    attempts.add("update " + qualified + " set " + quote(column) + " = " + quote(column));
    attempts.add("delete from " + qualified);
    attempts.add("truncate " + qualified);
    attempts.add("alter table " + qualified + " disable trigger all");
    attempts.add("set session_replication_role = replica");
    attempts.add("drop table " + qualified);
    attempts.add("create table " + quote(schema) + ".tampering_probe (id int)");
    Map<String, String> notRefused = new LinkedHashMap<>();
    for (String sql : attempts) {
      String outcome = attempt(login, sql);
      if (outcome != null) {
        notRefused.put(sql, outcome);
      }
    }
    return notRefused;
  }

  /**
   * What {@code role} may do to the table, table-wide or on any one column: a subset of SELECT,
   * INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER (MAINTAIN on PostgreSQL 17 too).
   */
  public static java.util.Set<String> privileges(
      DataSource any, String role, String schema, String table) throws SQLException {
    try (Connection connection = any.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "with t as (select (quote_ident(?) || '.' || quote_ident(?))::regclass as oid)"
                    + " select p from t, unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE',"
                    + " 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN']) p"
                    + " where has_table_privilege(?, t.oid, p)"
                    + " or (p in ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')"
                    + " and has_any_column_privilege(?, t.oid, p))")) {
      query.setString(1, schema);
      query.setString(2, table);
      query.setString(3, role);
      query.setString(4, role);
      java.util.Set<String> privileges = new java.util.TreeSet<>();
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          privileges.add(result.getString(1));
        }
      }
      return privileges;
    }
  }

  /** Null when refused for lack of privilege; otherwise what happened. */
  private static String attempt(DataSource login, String sql) throws SQLException {
    try (Connection connection = login.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        return "accepted";
      } catch (SQLException e) {
        return INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())
            ? null
            : e.getSQLState() + " " + e.getMessage();
      } finally {
        connection.rollback();
      }
    }
  }

  private static String firstColumn(DataSource login, String schema, String table)
      throws SQLException {
    try (Connection connection = login.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select a.attname from pg_attribute a"
                    + " where a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass"
                    + " and a.attnum > 0 and not a.attisdropped"
                    // An identity column refuses SET before privileges are checked.
                    + " and a.attidentity = '' and a.attgenerated = ''"
                    + " order by a.attnum limit 1")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          throw new IllegalArgumentException("no table " + schema + "." + table);
        }
        return result.getString(1);
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
