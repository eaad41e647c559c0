package com.paystream.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.GatewayApplication;
import com.paystream.gateway.testsupport.WebhookPayloads;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.Topics;
import com.paystream.simulator.StandardWebhookSigner;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway database restored to an earlier instant gets back, from {@code payments.callbacks.v1},
 * the callbacks acknowledged after that instant: the gateway takes webhooks on database A, A is
 * copied while no gateway is connected (the copy is "A as it was at instant T"), more webhooks land
 * on A, the relay publishes A's outbox (done here as the relay does it: the recorded bytes,
 * unchanged, some twice as re-deliveries do), and a gateway on the copy started with the re-import
 * on has every callback under the id A gave it, the payments' statuses A has, no new outbox row,
 * and answers a provider's retry of a callback from after T as a duplicate. A second run changes
 * nothing.
 */
class CallbackReimportIntegrationTest {

  private static final String SECRET = StandardWebhookSigner.newSecret();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String name = SharedInfrastructure.uniqueName("gateway_reimport");
  private final String prefix = name + ".";
  private final DatabaseCoordinates original = SharedInfrastructure.postgres().createDatabase(name);
  private final StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);

  private record Webhook(String eventId, byte[] body) {}

  @Test
  void aRestoredInboxGetsBackThePublishedCallbacksItLacksWithoutNewOutboxRows() throws Exception {
    createCallbacksTopic();
    List<Webhook> beforeT = webhooks(5);
    try (ConfigurableApplicationContext gateway = gatewayOn(original, false)) {
      beforeT.forEach(w -> deliver(gateway, w));
    }
    DatabaseCoordinates restored = copyOf(original, name + "_at_t");
    long restoredOutbox = count(restored, "select count(*) from outbox");

    List<Webhook> afterT = webhooks(7);
    try (ConfigurableApplicationContext gateway = gatewayOn(original, false)) {
      afterT.forEach(w -> deliver(gateway, w));
    }
    publishOutboxAsTheRelayDoes(original);
    // The relay re-publishes what the ledger has not confirmed yet: the topic holds a callback
    // once per publication, here twice, and the inbox must still get it once.
    publishOutboxAsTheRelayDoes(original);
    assertThat(count(restored, "select count(*) from callback_inbox")).isEqualTo(beforeT.size());

    try (ConfigurableApplicationContext gateway = gatewayOn(restored, true)) {
      assertThat(rows(restored, "select callback_id, provider_event_id from callback_inbox"))
          .containsExactlyInAnyOrderElementsOf(
              rows(original, "select callback_id, provider_event_id from callback_inbox"));
      assertThat(rows(restored, "select payment_id, status from payment"))
          .containsExactlyInAnyOrderElementsOf(
              rows(original, "select payment_id, status from payment"));
      assertThat(count(restored, "select count(*) from payment_status_history"))
          .isEqualTo(count(original, "select count(*) from payment_status_history"));
      assertThat(count(restored, "select count(*) from outbox")).isEqualTo(restoredOutbox);

      // The provider retries a callback acknowledged after T: a duplicate, nothing new stored.
      deliver(gateway, afterT.get(0));
      assertThat(count(restored, "select count(*) from callback_inbox"))
          .isEqualTo(beforeT.size() + afterT.size());
      assertThat(count(restored, "select count(*) from outbox")).isEqualTo(restoredOutbox);
    }

    try (ConfigurableApplicationContext again = gatewayOn(restored, true)) {
      assertThat(count(restored, "select count(*) from callback_inbox"))
          .isEqualTo(beforeT.size() + afterT.size());
      assertThat(count(restored, "select count(*) from outbox")).isEqualTo(restoredOutbox);
    }
  }

  private static List<Webhook> webhooks(int count) {
    List<Webhook> webhooks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String paymentId = "pay_" + UUID.randomUUID().toString().replace("-", "");
      webhooks.add(
          new Webhook(
              "msg_" + UUID.randomUUID(),
              WebhookPayloads.payment(paymentId, "m-1", 1_000 + i, "EUR", "SUCCEEDED")));
    }
    return webhooks;
  }

  private void deliver(ConfigurableApplicationContext gateway, Webhook webhook) {
    int port = gateway.getEnvironment().getProperty("local.server.port", Integer.class);
    WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(TIMEOUT)
        .build()
        .post()
        .uri("/v1/webhooks/simulator")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(
            h -> signer.headers(webhook.eventId(), Instant.now(), webhook.body()).forEach(h::add))
        .bodyValue(webhook.body())
        .exchange()
        .expectStatus()
        .isOk();
  }

  private ConfigurableApplicationContext gatewayOn(DatabaseCoordinates db, boolean reimport) {
    List<String> args =
        List.of(
            "--server.port=0",
            "--spring.r2dbc.url=" + db.r2dbcUrl(),
            "--spring.r2dbc.username=" + db.runtime().username(),
            "--spring.r2dbc.password=" + db.runtime().password(),
            "--spring.flyway.url=" + db.jdbcUrl(),
            "--spring.flyway.user=" + db.owner().username(),
            "--spring.flyway.password=" + db.owner().password(),
            "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
            "--paystream.topics.prefix=" + prefix,
            "--paystream.webhooks.providers.simulator.secrets[0]=" + SECRET,
            "--paystream.status-queries.enabled=false",
            "--paystream.status-queries.recon-results.enabled=false",
            "--paystream.callback-reimport.enabled=" + reimport,
            "--logging.structured.format.console=");
    return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
  }

  /** {@code CREATE DATABASE … TEMPLATE}: refused while anyone is connected to the template. */
  private static DatabaseCoordinates copyOf(DatabaseCoordinates source, String copy)
      throws Exception {
    try (Connection admin = SharedInfrastructure.postgres().dataSource("postgres").getConnection();
        Statement st = admin.createStatement()) {
      st.execute(
          "create database "
              + copy
              + " template "
              + source.database()
              + " owner "
              + source.owner().username());
    }
    return new DatabaseCoordinates(
        source.host(), source.port(), copy, source.owner(), source.runtime());
  }

  private void createCallbacksTopic() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      TopicCatalogue.ensureCreated(
          admin, (short) 1, List.of(Topics.PAYMENT_CALLBACKS.withPrefix(prefix)));
    }
  }

  /** The relay's part: every callback row of the outbox, in order, as its key and bytes. */
  private void publishOutboxAsTheRelayDoes(DatabaseCoordinates db) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      String topic = Topics.PAYMENT_CALLBACKS.withPrefix(prefix).name();
      for (Map<String, Object> row :
          jdbc(db)
              .queryForList(
                  "select topic, message_key, payload from outbox where topic = ? order by seq",
                  topic)) {
        producer
            .send(
                new ProducerRecord<>(
                    (String) row.get("topic"),
                    (String) row.get("message_key"),
                    (byte[]) row.get("payload")))
            .get();
      }
    }
  }

  private static String bootstrapServers() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }

  private static JdbcTemplate jdbc(DatabaseCoordinates db) {
    return new JdbcTemplate(SharedInfrastructure.postgres().dataSource(db.database()));
  }

  private static long count(DatabaseCoordinates db, String sql) {
    return jdbc(db).queryForObject(sql, Long.class);
  }

  private static List<Map<String, Object>> rows(DatabaseCoordinates db, String sql) {
    return jdbc(db).queryForList(sql);
  }
}
