package com.paystream.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.testkit.SharedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The walking skeleton: the service starts on the real broker and PostgreSQL and says ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceBootIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String prefix;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    prefix = ReconInfrastructure.register(registry, "boot");
  }

  @Test
  void becomesReadyOnceTheMatchingTopologyRuns() throws Exception {
    // Ready means the Kafka Streams topology is RUNNING (its stores answer queries): that takes
    // a group join after startup, so readiness is awaited, not assumed.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get("/actuator/health/readiness").statusCode() == 200);

    assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  @Test
  void createsItsTopicsAtStartup() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers()))) {
      Set<String> names = admin.listTopics().names().get();

      assertThat(names)
          .contains(
              prefix + "ledger.cashflow.v1",
              prefix + "bank.statements.v1",
              prefix + "recon.results.v1",
              prefix + "recon.deadletters.v1",
              prefix + "recon.resolutions.v1",
              prefix + "recon.reports.v1",
              prefix + "payments.callbacks.v1",
              prefix + "ledger.entries.v1");
    }
  }

  @Test
  void exposesPrometheusMetrics() throws Exception {
    HttpResponse<String> metrics = get("/actuator/prometheus");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void migratesItsDatabase() {
    Integer tables =
        jdbc.queryForObject(
            "select count(*) from information_schema.tables where table_name in"
                + " ('statement_file', 'statement_line', 'break_resolution', 'outbox')",
            Integer.class);

    assertThat(tables).isEqualTo(4);
  }

  private HttpResponse<String> get(String path) throws java.io.IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
