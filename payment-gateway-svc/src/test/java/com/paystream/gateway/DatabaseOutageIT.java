package com.paystream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.StandardWebhookSigner;
import com.paystream.testkit.outage.HttpProbe;
import com.paystream.testkit.outage.StoppablePostgres;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.support.Ports;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a PostgreSQL of its own that the test stops and starts again: while it is down the
 * gateway is not ready (but alive), and a request that needs the database answers 503
 * database_unavailable within seconds; once it is back the gateway is ready again by itself. The
 * R2DBC URL is the failover form, naming a host that never answers before the real one and asking
 * for the primary, as a deployment with a standby does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

  private static final Duration FAIL_FAST = Duration.ofSeconds(5);
  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final StoppablePostgres POSTGRES = StoppablePostgres.start();
  private static final ApiKeys KEYS = new ApiKeys();
  private static ApiKeyToken.Issued operator;

  @LocalServerPort int port;
  private HttpProbe http;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DatabaseCoordinates db = POSTGRES.server().createDatabase("gateway");
    String hosts = "127.0.0.1:%d,127.0.0.1:%d".formatted(Ports.freePort(), POSTGRES.port());
    registry.add(
        "spring.r2dbc.url",
        () -> "r2dbc:postgresql:failover://" + hosts + "/gateway?targetServerType=primary");
    registry.add("spring.r2dbc.username", () -> db.runtime().username());
    registry.add("spring.r2dbc.password", () -> db.runtime().password());
    registry.add(
        "spring.flyway.url",
        () -> "jdbc:postgresql://" + hosts + "/gateway?targetServerType=primary");
    registry.add("spring.flyway.user", () -> db.owner().username());
    registry.add("spring.flyway.password", () -> db.owner().password());
    registry.add(
        "paystream.webhooks.providers.simulator.secrets[0]", StandardWebhookSigner::newSecret);
    registry.add("paystream.status-queries.enabled", () -> "false");
    operator = KEYS.operator(registry, "alice");
  }

  @AfterAll
  static void removeDatabase() {
    POSTGRES.close();
  }

  @BeforeEach
  void connect() {
    http = new HttpProbe(port);
  }

  @Test
  void notReadyButAliveWhileTheDatabaseIsDownAndReadyAgainOnceItIsBack() {
    String payment = "/v1/payments/" + UUID.randomUUID();
    assertThat(http.status("/actuator/health/readiness")).isEqualTo(200);
    assertThat(http.get(payment, operator.token()).statusCode()).isEqualTo(404);

    POSTGRES.stop();
    try {
      await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 503);
      assertThat(http.status("/actuator/health/liveness")).isEqualTo(200);

      long startNanos = System.nanoTime();
      HttpResponse<String> refused = http.get(payment, operator.token());
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

      assertThat(took).isLessThan(FAIL_FAST);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body()).contains("\"reason\":\"database_unavailable\"");
    } finally {
      POSTGRES.restart();
    }

    await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 200);
    assertThat(http.get(payment, operator.token()).statusCode()).isEqualTo(404);
  }
}
