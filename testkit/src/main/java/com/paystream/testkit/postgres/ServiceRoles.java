package com.paystream.testkit.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Creates the two roles of a service database, as a superuser (or a DBA) would in production: an
 * owner that owns the database and runs the migrations, and a runtime role the service connects
 * with. Neither is a superuser, may create databases or roles, replicate or bypass row security;
 * the runtime role is not a member of the owner. What the runtime role may do inside the database
 * is decided by each service's grants file, re-applied by Flyway on every migrate.
 *
 * <p>Roles are cluster-wide, so their names derive from the database name ({@link #roleName}).
 */
public final class ServiceRoles {

  private static final int MAX_IDENTIFIER = 63;
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int PASSWORD_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DUPLICATE_ROLE = "42710";

  /** The attributes both roles get: a login and nothing else. */
  private static final String PLAIN_LOGIN =
      "login nosuperuser nocreatedb nocreaterole noreplication nobypassrls";

  private ServiceRoles() {}

  /**
   * {@code <database>_<kind>}, lower-case and at most 63 characters: a name too long keeps its
   * start and gets a hash of the whole database name, so two databases never share a role.
   */
  public static String roleName(String database, String kind) {
    String name = database + "_" + kind;
    if (name.length() <= MAX_IDENTIFIER) {
      return name;
    }
    String hash = sha256Hex(database).substring(0, 8);
    int keep = MAX_IDENTIFIER - kind.length() - hash.length() - 2;
    return database.substring(0, keep) + "_" + hash + "_" + kind;
  }

  /** 32 random letters and digits (about 190 bits): never needs quoting, never reused. */
  public static String randomPassword() {
    StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }

  /**
   * Creates the login role unless it exists, and (re)sets its password and attributes, so that a
   * role left by an earlier run gets this run's password. Connected as a superuser.
   */
  public static void ensureLogin(Connection superuser, DatabaseLogin login) throws SQLException {
    String role = checked(login.username());
    String password = checkedPassword(login.password());
    try (Statement statement = superuser.createStatement()) {
      if (!roleExists(superuser, role)) {
        try {
          statement.execute("create role \"" + role + "\" " + PLAIN_LOGIN);
        } catch (SQLException e) {
          // Another JVM created it between the check and here: the same outcome.
          if (!DUPLICATE_ROLE.equals(e.getSQLState())) {
            throw e;
          }
        }
      }
      // Neither CREATE ROLE nor ALTER ROLE takes bind parameters; the password is made only of
      // letters and digits (checked), so it needs no escaping.
      statement.execute(
          "alter role \"" + role + "\" " + PLAIN_LOGIN + " password '" + password + "'");
    }
  }

  /**
   * Makes {@code owner} the owner of {@code database} (and so of its {@code public} schema, which
   * belongs to {@code pg_database_owner}), and takes away what PUBLIC may do there by default
   * beyond connecting: no temporary tables, no objects in {@code public}.
   */
  public static void assignDatabase(Connection superuser, String database, String owner)
      throws SQLException {
    try (Statement statement = superuser.createStatement()) {
      statement.execute(
          "alter database \"" + checked(database) + "\" owner to \"" + checked(owner) + "\"");
      statement.execute("revoke temporary on database \"" + database + "\" from public");
    }
  }

  private static boolean roleExists(Connection connection, String role) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      query.setString(1, role);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }

  private static String checked(String identifier) {
    if (!PLAIN_NAME.matcher(identifier).matches()) {
      throw new IllegalArgumentException("not a plain lower-case SQL name: " + identifier);
    }
    return identifier;
  }

  private static String checkedPassword(String password) {
    if (password.isEmpty() || !password.chars().allMatch(c -> PASSWORD_ALPHABET.indexOf(c) >= 0)) {
      throw new IllegalArgumentException("a role password must be letters and digits only");
    }
    return password;
  }

  private static String sha256Hex(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
