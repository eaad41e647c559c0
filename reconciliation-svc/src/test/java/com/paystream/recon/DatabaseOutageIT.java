package com.paystream.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.outage.HttpProbe;
import com.paystream.testkit.outage.StoppablePostgres;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * Reconciliation on a PostgreSQL of its own that the test stops and starts again: while it is down
 * the service is not ready (but alive, its topology still running), and a request that needs the
 * database answers 503 database-unavailable within seconds; once it is back it is ready again by
 * itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

  private static final Duration FAIL_FAST = Duration.ofSeconds(5);
  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final Duration TOPOLOGY_START = Duration.ofSeconds(60);
  private static final StoppablePostgres POSTGRES = StoppablePostgres.start();

  @LocalServerPort int port;
  private HttpProbe http;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
    String prefix = SharedInfrastructure.uniqueName("recon_outage") + ".";
    DatabaseCoordinates db = POSTGRES.server().createDatabase("reconciliation");
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.datasource.username", () -> db.runtime().username());
    registry.add("spring.datasource.password", () -> db.runtime().password());
    registry.add("spring.flyway.user", () -> db.owner().username());
    registry.add("spring.flyway.password", () -> db.owner().password());
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("paystream.topics.prefix", () -> prefix);
    registry.add("paystream.recon.application-id", () -> prefix + "reconciliation-svc");
    String stateDir = Files.createTempDirectory("recon-state-" + prefix).toString();
    registry.add("paystream.recon.state-dir", () -> stateDir);
    Callers.properties().forEach((key, value) -> registry.add(key, () -> value));
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
    String approval = "/v1/approvals/" + UUID.randomUUID();
    await().atMost(TOPOLOGY_START).until(() -> http.status("/actuator/health/readiness") == 200);
    assertThat(http.get(approval, Callers.OPERATOR).statusCode()).isEqualTo(404);

    POSTGRES.stop();
    try {
      await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 503);
      assertThat(http.status("/actuator/health/liveness")).isEqualTo(200);

      long startNanos = System.nanoTime();
      HttpResponse<String> refused = http.get(approval, Callers.OPERATOR);
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

      assertThat(took).isLessThan(FAIL_FAST);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body()).contains("\"reason\":\"database-unavailable\"");
    } finally {
      POSTGRES.restart();
    }

    await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 200);
    assertThat(http.get(approval, Callers.OPERATOR).statusCode()).isEqualTo(404);
  }
}
