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
        .containsExactly(
            "--server.port=8080",
            "--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:15432/gateway",
            "--spring.r2dbc.username=gateway_runtime",
            "--spring.r2dbc.password=gw-pw",
            "--spring.flyway.url=jdbc:postgresql://127.0.0.1:15432/gateway",
            "--spring.flyway.user=gateway_owner",
            "--spring.flyway.password=gw-owner-pw",
            "--spring.flyway.placeholders.relay_runtime_role=gateway_relay",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
            "--paystream.webhooks.providers.simulator.secrets[0]=" + DemoProvider.WEBHOOK_SECRET,
            "--paystream.providers.clients.simulator.base-url=http://127.0.0.1:8090",
            "--paystream.auth.bootstrap-keys[0].key-id=localDemoOperator",
            "--paystream.auth.bootstrap-keys[0].role=OPERATOR",
            "--paystream.auth.bootstrap-keys[0].operator=local-operator",
            "--paystream.auth.bootstrap-keys[0].token-sha256="
                + DemoProvider.sha256Hex(DemoProvider.OPERATOR_API_KEY),
            "--paystream.auth.bootstrap-keys[1].key-id=localDemoMerchant",
            "--paystream.auth.bootstrap-keys[1].role=MERCHANT",
            "--paystream.auth.bootstrap-keys[1].merchant-id=m-demo",
            "--paystream.auth.bootstrap-keys[1].token-sha256="
                + DemoProvider.sha256Hex(DemoProvider.MERCHANT_API_KEY),
            "--paystream.auth.bootstrap-keys[2].key-id=localDemoBooks",
            "--paystream.auth.bootstrap-keys[2].role=MERCHANT",
            "--paystream.auth.bootstrap-keys[2].merchant-id=m-books",
            "--paystream.auth.bootstrap-keys[2].token-sha256="
                + DemoProvider.sha256Hex(DemoProvider.MERCHANTS.get(1).apiKey()),
            "--paystream.auth.bootstrap-keys[3].key-id=localDemoTravel",
            "--paystream.auth.bootstrap-keys[3].role=MERCHANT",
            "--paystream.auth.bootstrap-keys[3].merchant-id=m-travel",
            "--paystream.auth.bootstrap-keys[3].token-sha256="
                + DemoProvider.sha256Hex(DemoProvider.MERCHANTS.get(2).apiKey()));
  }

  @Test
  void startsTheRelayOnTheGatewaysDatabaseWithTheLocalOperator() {
    assertThat(service("relay").args())
        .containsExactly(
            "--server.port=8081",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/gateway",
            "--spring.datasource.username=gateway_relay",
            "--spring.datasource.password=relay-pw",
            "--spring.flyway.user=gateway_owner",
            "--spring.flyway.password=gw-owner-pw",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
            "--paystream.relay.operator-api.operators[0].name=local-operator",
            "--paystream.relay.operator-api.operators[0].token-sha256="
                + DemoProvider.OPERATOR_TOKEN_SHA256);
  }

  @Test
  void startsLedgerAndReconciliationOnTheirOwnDatabases() {
    assertThat(service("ledger").args())
        .containsExactly(
            "--server.port=8082",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/ledger",
            "--spring.datasource.username=ledger_runtime",
            "--spring.datasource.password=ledger-pw",
            "--spring.flyway.user=ledger_owner",
            "--spring.flyway.password=ledger-owner-pw",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
            "--paystream.ledger.day-close.allow-early=true");
    assertThat(service("reconciliation").args())
        .containsExactly(
            "--server.port=8083",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/reconciliation",
            "--spring.datasource.username=reconciliation_runtime",
            "--spring.datasource.password=recon-pw",
            "--spring.flyway.user=reconciliation_owner",
            "--spring.flyway.password=recon-owner-pw",
            "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
            "--paystream.recon.lost-order-grace=10s");
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

  private ServiceSpec service(String name) {
    return services.stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
  }
}
