package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.PrincipalKeys;
import com.paystream.security.Role;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.outage.HttpProbe;
import com.paystream.testkit.outage.StoppablePostgres;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay on a gateway database of its own that the test stops and starts again: while it is down
 * the relay is not ready (but alive), and an operator request answers 503 database-unavailable
 * within seconds; once it is back the relay is ready again by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

  private static final Duration FAIL_FAST = Duration.ofSeconds(5);
  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final String OPERATOR_TOKEN = ApiKeyToken.issue().token();
  private static final StoppablePostgres POSTGRES = StoppablePostgres.start();
  private static final DatabaseCoordinates DATABASE = gatewayDatabase();

  @LocalServerPort int port;
  private HttpProbe http;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    GatewayOutbox.register(registry, () -> DATABASE);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add(
        "paystream.topics.prefix", () -> SharedInfrastructure.uniqueName("relay_outage") + ".");
    PrincipalKeys.properties(
            List.of(PrincipalKeys.Holder.of("alice", Role.OPERATOR, OPERATOR_TOKEN)))
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  private static DatabaseCoordinates gatewayDatabase() {
    DatabaseCoordinates db = POSTGRES.server().createDatabase("gateway");
    GatewayOutbox.migrateOutbox(db);
    return db;
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
    String callback = "/v1/callbacks/" + UUID.randomUUID();
    assertThat(http.status("/actuator/health/readiness")).isEqualTo(200);
    assertThat(http.get(callback, OPERATOR_TOKEN).statusCode()).isEqualTo(404);

    POSTGRES.stop();
    try {
      await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 503);
      assertThat(http.status("/actuator/health/liveness")).isEqualTo(200);

      long startNanos = System.nanoTime();
      HttpResponse<String> refused = http.get(callback, OPERATOR_TOKEN);
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
    assertThat(http.get(callback, OPERATOR_TOKEN).statusCode()).isEqualTo(404);
  }
}
