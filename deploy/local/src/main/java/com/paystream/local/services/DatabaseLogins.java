package com.paystream.local.services;

import com.paystream.local.services.ServiceCatalog.Credentials;
import com.paystream.testkit.postgres.DatabaseLogin;
import com.paystream.testkit.postgres.ServiceRoles;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who logs in to the stack's databases: per database its owner (Flyway migrates as it), per service
 * its runtime role (the service connects as it). Passwords are random and new on every run of the
 * stack; the roles are (re)created with them by {@link #provision} before the services start, so no
 * password of the stack is written anywhere but the services' command lines (which the launcher
 * logs redacted).
 *
 * @param owners owner login per database name
 * @param runtimes runtime login per service name
 */
public record DatabaseLogins(Map<String, Credentials> owners, Map<String, Credentials> runtimes) {

  /** The database each service connects to (the relay works in the gateway's). */
  public static final Map<String, String> SERVICE_DATABASES =
      Map.of(
          "gateway", ServiceCatalog.GATEWAY_DATABASE,
          "relay", ServiceCatalog.GATEWAY_DATABASE,
          "ledger", ServiceCatalog.LEDGER_DATABASE,
          "reconciliation", ServiceCatalog.RECONCILIATION_DATABASE);

  public DatabaseLogins {
    owners = Map.copyOf(owners);
    runtimes = Map.copyOf(runtimes);
  }

  /**
   * New random passwords for {@code <database>_owner} and {@code <database>_runtime}; the relay's
   * role in the gateway's database is {@code gateway_relay}.
   */
  public static DatabaseLogins generate() {
    Map<String, Credentials> owners = new LinkedHashMap<>();
    for (String database : ServiceCatalog.DATABASES) {
      owners.put(database, login(database, "owner"));
    }
    Map<String, Credentials> runtimes = new LinkedHashMap<>();
    SERVICE_DATABASES.forEach(
        (service, database) ->
            runtimes.put(service, login(database, database.equals(service) ? "runtime" : service)));
    return new DatabaseLogins(owners, runtimes);
  }

  public Credentials owner(String database) {
    return require(owners, database);
  }

  public Credentials runtime(String service) {
    return require(runtimes, service);
  }

  /**
   * Creates the roles or sets their passwords and attributes, and hands each database to its owner.
   * Connected as the superuser, which does nothing else in the stack.
   */
  public void provision(Connection superuser) throws SQLException {
    for (Credentials credentials : owners.values()) {
      ServiceRoles.ensureLogin(superuser, login(credentials));
    }
    for (Credentials credentials : runtimes.values()) {
      ServiceRoles.ensureLogin(superuser, login(credentials));
    }
    for (Map.Entry<String, Credentials> owner : owners.entrySet()) {
      ServiceRoles.assignDatabase(superuser, owner.getKey(), owner.getValue().username());
    }
  }

  /** Names only. */
  @Override
  public String toString() {
    return "DatabaseLogins[owners=" + owners.values() + ", runtimes=" + runtimes.values() + "]";
  }

  private static Credentials login(String database, String kind) {
    return new Credentials(ServiceRoles.roleName(database, kind), ServiceRoles.randomPassword());
  }

  private static DatabaseLogin login(Credentials credentials) {
    return new DatabaseLogin(credentials.username(), credentials.password());
  }

  private static Credentials require(Map<String, Credentials> logins, String name) {
    Credentials credentials = logins.get(name);
    if (credentials == null) {
      throw new IllegalArgumentException("no database login for " + name);
    }
    return credentials;
  }
}
