package com.paystream.local.services;

import com.paystream.local.demo.DemoProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The one place that says how each service is started: its port, its database and broker, and
 * anything else it needs. Adding a property to a service is one line here.
 */
public final class ServiceCatalog {

  public static final String GATEWAY_DATABASE = "gateway";
  public static final String LEDGER_DATABASE = "ledger";
  public static final String RECONCILIATION_DATABASE = "reconciliation";

  /** Every database the stack needs; the relay works in the gateway's (schema {@code relay}). */
  public static final List<String> DATABASES =
      List.of(GATEWAY_DATABASE, LEDGER_DATABASE, RECONCILIATION_DATABASE);

  /** The port name of the provider simulator, which the launcher runs and the gateway calls. */
  public static final String PROVIDER = "provider";

  /** How long a statement line waits for its booking before reconciliation reports it lost. */
  public static final String LOST_ORDER_GRACE = "10s";

  private ServiceCatalog() {}

  /**
   * @param logins who logs in to which database (owners for Flyway, runtime roles for services)
   * @param extraArgs per service name, more arguments to append (they win over the ones here)
   */
  public static List<ServiceSpec> services(
      Endpoints endpoints, DatabaseLogins logins, Function<String, List<String>> extraArgs) {
    return services(endpoints, logins, extraArgs, DEFAULT_PORTS::get);
  }

  /** The local stack's HTTP ports; tests pass free ones instead. */
  public static final Map<String, Integer> DEFAULT_PORTS =
      Map.of(
          "gateway", 8080, "relay", 8081, "ledger", 8082, "reconciliation", 8083, PROVIDER, 8090);

  /**
   * @param ports the HTTP port per service name
   */
  public static List<ServiceSpec> services(
      Endpoints endpoints,
      DatabaseLogins logins,
      Function<String, List<String>> extraArgs,
      ToIntFunction<String> ports) {
    Args gateway =
        new Args(endpoints)
            .server(ports.applyAsInt("gateway"))
            .r2dbc(GATEWAY_DATABASE, logins.runtime("gateway"))
            .flyway(GATEWAY_DATABASE, logins.owner(GATEWAY_DATABASE))
            // The gateway's grants also let the relay's role read the outbox, whichever migrates
            // first.
            .add(
                "--spring.flyway.placeholders.relay_runtime_role="
                    + logins.runtime("relay").username())
            .kafka()
            .secret(
                "PAYSTREAM_WEBHOOKS_PROVIDERS_"
                    + DemoProvider.NAME.toUpperCase(java.util.Locale.ROOT)
                    + "_SECRETS_0_",
                DemoProvider.WEBHOOK_SECRET)
            .add(
                "--paystream.providers.clients."
                    + DemoProvider.NAME
                    + ".base-url=http://"
                    + endpoints.host()
                    + ":"
                    + ports.applyAsInt(PROVIDER))
            .principals();
    Args relay =
        new Args(endpoints)
            .server(ports.applyAsInt("relay"))
            .jdbc(GATEWAY_DATABASE, logins.runtime("relay"))
            .flywayLogin(logins.owner(GATEWAY_DATABASE))
            .kafka()
            .principals();
    Args ledger =
        new Args(endpoints)
            .server(ports.applyAsInt("ledger"))
            .jdbc(LEDGER_DATABASE, logins.runtime("ledger"))
            .flywayLogin(logins.owner(LEDGER_DATABASE))
            .kafka()
            .principals()
            .secret("PAYSTREAM_LEDGER_SEAL_PRIVATEKEY", DemoProvider.SEAL_PRIVATE_KEY)
            .secret("PAYSTREAM_LEDGER_SEAL_PUBLICKEYS_0_", DemoProvider.SEAL_PUBLIC_KEY)
            // The day scenario ends its business date when its trading is over, not at midnight.
            .add("--paystream.ledger.day-close.allow-early=true");
    Args reconciliation =
        new Args(endpoints)
            .server(ports.applyAsInt("reconciliation"))
            .jdbc(RECONCILIATION_DATABASE, logins.runtime("reconciliation"))
            .flywayLogin(logins.owner(RECONCILIATION_DATABASE))
            .kafka()
            .principals()
            // A demo day lasts a minute: a statement line waits seconds, not 30 minutes, for its
            // booking before it is a lost order.
            .add("--paystream.recon.lost-order-grace=" + LOST_ORDER_GRACE);
    return List.of(
        spec(
            "gateway",
            "payment-gateway-svc",
            gateway,
            extraArgs,
            "POST /v1/payments, /v1/webhooks/{provider}"),
        spec(
            "relay",
            "callback-relay-svc",
            relay,
            extraArgs,
            "GET /v1/callbacks (an operator's or the auditor's key)"),
        spec(
            "ledger",
            "ledger-svc",
            ledger,
            extraArgs,
            "GET /v1/payments/{paymentId}/entries, schema registry /schema-registry"),
        spec(
            "reconciliation", "reconciliation-svc", reconciliation, extraArgs, "/v1 (see README)"));
  }

  private static ServiceSpec spec(
      String name, String module, Args args, Function<String, List<String>> extraArgs, String api) {
    List<String> all = new ArrayList<>(args.values);
    all.addAll(extraArgs.apply(name));
    return new ServiceSpec(name, module, args.port, all, api, args.environment);
  }

  /** Username and password of a database role. */
  public record Credentials(String username, String password) {

    @Override
    public String toString() {
      return "Credentials[username=" + username + "]";
    }
  }

  /** Builds {@code --key=value} arguments for the Spring properties a service reads. */
  private static final class Args {

    private final Endpoints endpoints;
    private final List<String> values = new ArrayList<>();
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private int port;

    Args(Endpoints endpoints) {
      this.endpoints = endpoints;
    }

    Args server(int httpPort) {
      port = httpPort;
      return add("--server.port=" + httpPort);
    }

    Args r2dbc(String database, Credentials credentials) {
      return add("--spring.r2dbc.url=" + endpoints.r2dbcUrl(database))
          .add("--spring.r2dbc.username=" + credentials.username())
          .secret("SPRING_R2DBC_PASSWORD", credentials.password());
    }

    Args flyway(String database, Credentials owner) {
      return add("--spring.flyway.url=" + endpoints.jdbcUrl(database)).flywayLogin(owner);
    }

    /** Flyway on the service's own JDBC URL, logged in as the database's owner. */
    Args flywayLogin(Credentials owner) {
      return add("--spring.flyway.user=" + owner.username())
          .secret("SPRING_FLYWAY_PASSWORD", owner.password());
    }

    Args jdbc(String database, Credentials credentials) {
      return add("--spring.datasource.url=" + endpoints.jdbcUrl(database))
          .add("--spring.datasource.username=" + credentials.username())
          .secret("SPRING_DATASOURCE_PASSWORD", credentials.password());
    }

    Args kafka() {
      return add("--spring.kafka.bootstrap-servers=" + endpoints.kafkaBootstrap());
    }

    /**
     * The local stack's principals, by key hash only: the same list for every service, so that each
     * demo key works on all four.
     */
    Args principals() {
      for (int i = 0; i < DemoProvider.PRINCIPALS.size(); i++) {
        DemoProvider.Principal principal = DemoProvider.PRINCIPALS.get(i);
        String prefix = "--paystream.security.principals[" + i + "].";
        add(prefix + "name=" + principal.name()).add(prefix + "role=" + principal.role());
        if (principal.merchantId() != null) {
          add(prefix + "merchant-id=" + principal.merchantId());
        }
        add(prefix + "keys[0].id=" + DemoProvider.keyId(principal.apiKey()))
            .add(prefix + "keys[0].sha256=" + DemoProvider.sha256Hex(principal.apiKey()));
      }
      return this;
    }

    Args add(String arg) {
      values.add(arg);
      return this;
    }

    /** A secret, as the environment variable Spring binds to its property: never an argument. */
    Args secret(String variable, String value) {
      environment.put(variable, value);
      return this;
    }
  }
}
