package com.paystream.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.services.ServiceCatalog.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCatalogTest {

  static final DatabaseLogins LOGINS =
      new DatabaseLogins(
          Map.of(
              "gateway", new Credentials("gateway_owner", "gw-owner-pw"),
              "ledger", new Credentials("ledger_owner", "ledger-owner-pw"),
              "reconciliation", new Credentials("reconciliation_owner", "recon-owner-pw")),
          Map.of(
              "gateway", new Credentials("gateway_runtime", "gw-pw"),
              "relay", new Credentials("gateway_relay", "relay-pw"),
              "ledger", new Credentials("ledger_runtime", "ledger-pw"),
              "reconciliation", new Credentials("reconciliation_runtime", "recon-pw")));

  private final List<ServiceSpec> services =
      ServiceCatalog.services(Endpoints.DEFAULTS, LOGINS, name -> List.of());

  @Test
  void startsTheGatewayOnItsReactiveDatabaseWithFlywayAndTheDemoSecret() {
    assertThat(service("gateway").args())
        .startsWith(
            "--server.port=8080",
            "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:15432/gateway",
            "--spring.r2dbc.username=gateway_runtime",
            "--spring.flyway.url=jdbc:postgresql://127.0.0.1:15432/gateway",
            "--spring.flyway.user=gateway_owner",
            "--spring.flyway.placeholders.relay_runtime_role=gateway_relay",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
            "--paystream.providers.clients.simulator.base-url=http://127.0.0.1:8090")
        .endsWith(principals());
  }

  @Test
  void startsTheRelayOnTheGatewaysDatabaseWithTheDemoPrincipals() {
    assertThat(service("relay").args())
        .startsWith(
            "--server.port=8081",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/gateway",
            "--spring.datasource.username=gateway_relay",
            "--spring.flyway.user=gateway_owner",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092")
        .endsWith(principals());
  }

  @Test
  void startsLedgerAndReconciliationOnTheirOwnDatabases() {
    assertThat(service("ledger").args())
        .startsWith(
            "--server.port=8082",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/ledger",
            "--spring.datasource.username=ledger_runtime",
            "--spring.flyway.user=ledger_owner",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092")
        .containsSequence(principals())
        .endsWith("--paystream.ledger.day-close.allow-early=true");
    assertThat(service("reconciliation").args())
        .startsWith(
            "--server.port=8083",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/reconciliation",
            "--spring.datasource.username=reconciliation_runtime",
            "--spring.flyway.user=reconciliation_owner",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092")
        .containsSequence(principals())
        .endsWith("--paystream.recon.lost-order-grace=10s");
  }

  @Test
  void secretsTravelInTheEnvironmentNeverOnTheCommandLine() {
    assertThat(service("gateway").environment())
        .containsEntry("SPRING_R2DBC_PASSWORD", "gw-pw")
        .containsEntry("SPRING_FLYWAY_PASSWORD", "gw-owner-pw")
        .containsEntry(
            "PAYSTREAM_WEBHOOKS_PROVIDERS_SIMULATOR_SECRETS_0_", DemoProvider.WEBHOOK_SECRET);
    assertThat(service("relay").environment())
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "relay-pw")
        .containsEntry("SPRING_FLYWAY_PASSWORD", "gw-owner-pw");
    assertThat(service("ledger").environment())
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "ledger-pw");
    for (ServiceSpec service : services) {
      String commandLine = String.join(" ", service.args());
      for (String secret : service.environment().values()) {
        assertThat(commandLine).as(service.name()).doesNotContain(secret);
      }
      assertThat(service.toString()).doesNotContain(service.environment().values());
    }
  }

  @Test
  void everyServiceKnowsTheSamePrincipalsByKeyHashOnly() {
    for (ServiceSpec service : services) {
      assertThat(service.args()).as(service.name()).containsSequence(principals());
      for (DemoProvider.Principal principal : DemoProvider.PRINCIPALS) {
        assertThat(String.join(" ", service.args())).doesNotContain(principal.apiKey());
      }
    }
    assertThat(principals())
        .contains(
            "--paystream.security.principals[4].name=local-operator-2",
            "--paystream.security.principals[4].keys[0].id=localDemoOperator2");
  }

  @Test
  void appendsExtraArgumentsLastSoTheyWin() {
    List<ServiceSpec> withExtras =
        ServiceCatalog.services(
            Endpoints.DEFAULTS,
            LOGINS,
            name -> name.equals("ledger") ? List.of("--server.port=9999") : List.of());

    List<String> ledgerArgs = withExtras.get(2).args();
    assertThat(ledgerArgs.get(ledgerArgs.size() - 1)).isEqualTo("--server.port=9999");
    assertThat(withExtras.get(0).args()).doesNotContain("--server.port=9999");
  }

  @Test
  void runsEachModulesExecJarAndProbesItsReadiness() {
    ServiceSpec ledger = service("ledger");

    assertThat(ledger.execJar(Path.of("/repo"), "0.1.0-SNAPSHOT"))
        .isEqualTo(Path.of("/repo/ledger-svc/target/ledger-svc-0.1.0-SNAPSHOT-exec.jar"));
    assertThat(ledger.readinessUrl()).isEqualTo("http://127.0.0.1:8082/actuator/health/readiness");
    assertThat(services)
        .extracting(ServiceSpec::module)
        .containsExactly(
            "payment-gateway-svc", "callback-relay-svc", "ledger-svc", "reconciliation-svc");
  }

  @Test
  void readsExtraArgumentsFromTheSystemPropertyBeforeTheEnvironment() {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("local-stack.ledger.args", " --a=1   --b=2 ");
    ExtraArgs extra =
        new ExtraArgs(
            properties,
            Map.of("LOCAL_STACK_LEDGER_ARGS", "--c=3", "LOCAL_STACK_RELAY_ARGS", "--d=4"));

    assertThat(extra.forService("ledger")).containsExactly("--a=1", "--b=2");
    assertThat(extra.forService("relay")).containsExactly("--d=4");
    assertThat(extra.forService("gateway")).isEmpty();
  }

  @Test
  void generatesOneOwnerPerDatabaseAndOneRuntimeRolePerServiceWithFreshPasswords() {
    DatabaseLogins first = DatabaseLogins.generate();
    DatabaseLogins second = DatabaseLogins.generate();

    assertThat(first.owner("gateway").username()).isEqualTo("gateway_owner");
    assertThat(first.runtime("gateway").username()).isEqualTo("gateway_runtime");
    assertThat(first.runtime("relay").username()).isEqualTo("gateway_relay");
    assertThat(first.runtime("ledger").username()).isEqualTo("ledger_runtime");
    assertThat(first.owner("reconciliation").username()).isEqualTo("reconciliation_owner");
    assertThat(first.runtime("ledger").password())
        .isNotEqualTo(second.runtime("ledger").password());
    assertThat(first.toString()).doesNotContain(first.runtime("ledger").password());
  }

  /** The arguments every service gets for the demo principals. */
  private static String[] principals() {
    List<String> args = new java.util.ArrayList<>();
    for (int i = 0; i < DemoProvider.PRINCIPALS.size(); i++) {
      DemoProvider.Principal principal = DemoProvider.PRINCIPALS.get(i);
      String prefix = "--paystream.security.principals[" + i + "].";
      args.add(prefix + "name=" + principal.name());
      args.add(prefix + "role=" + principal.role());
      if (principal.merchantId() != null) {
        args.add(prefix + "merchant-id=" + principal.merchantId());
      }
      args.add(prefix + "keys[0].id=" + DemoProvider.keyId(principal.apiKey()));
      args.add(prefix + "keys[0].sha256=" + DemoProvider.sha256Hex(principal.apiKey()));
    }
    return args.toArray(String[]::new);
  }

  private ServiceSpec service(String name) {
    return services.stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
  }
}
