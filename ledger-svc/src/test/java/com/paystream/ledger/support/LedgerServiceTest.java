package com.paystream.ledger.support;

import static org.awaitility.Awaitility.await;

import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.sealing.SealKeys;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service on the shared broker and PostgreSQL: its own database, its own topic prefix and
 * consumer group, so test classes never see each other's records. Closed after the class, so its
 * listener and outbox publisher stop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
public abstract class LedgerServiceTest {

  protected static final Duration DEADLINE = Duration.ofSeconds(30);

  /** The tests' seal keys (generated per JVM; the real ones come from a secret). */
  protected static final java.security.KeyPair SEAL_KEYS = SealKeys.generatePair();

  @Autowired protected LedgerTopics topics;
  @Autowired protected JdbcTemplate jdbc;

  @Value("${paystream.ledger.consumer-group}")
  protected String consumerGroup;

  @LocalServerPort protected int port;

  private Producer<byte[], byte[]> producer;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    String name = SharedInfrastructure.uniqueName("ledger");
    DatabaseCoordinates db = SharedInfrastructure.postgres().createDatabase(name);
    database = db;
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.datasource.username", () -> db.runtime().username());
    registry.add("spring.datasource.password", () -> db.runtime().password());
    registry.add("spring.flyway.user", () -> db.owner().username());
    registry.add("spring.flyway.password", () -> db.owner().password());
    registry.add("paystream.topics.prefix", () -> name + ".");
    registry.add("paystream.ledger.consumer-group", () -> name);
    registry.add("logging.structured.format.console", () -> "");
    Callers.properties().forEach((key, value) -> registry.add(key, () -> value));
    // One seal key pair per test JVM, so that a restarted context verifies its predecessor's seals.
    registry.add("paystream.ledger.seal.private-key", () -> SealKeys.pem(SEAL_KEYS.getPrivate()));
    registry.add("paystream.ledger.seal.public-keys", () -> SealKeys.pem(SEAL_KEYS.getPublic()));
  }

  /** The database of the running test class (its service connects as {@code runtime()}). */
  protected static DatabaseCoordinates database;

  /** The superuser, who can do what the service's role never may: to edit behind the triggers. */
  protected static JdbcTemplate superuser() {
    return new JdbcTemplate(SharedInfrastructure.postgres().dataSource(database.database()));
  }

  /** The database's owner: meets the append-only triggers where the runtime role has no grant. */
  protected static JdbcTemplate owner() {
    return new JdbcTemplate(
        SharedInfrastructure.postgres().dataSource(database.database(), database.owner()));
  }

  @AfterEach
  void closeProducer() {
    if (producer != null) {
      producer.close();
      producer = null;
    }
  }

  protected String bootstrapServers() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }

  protected byte[] encode(String topic, SpecificRecord value) {
    return new AvroSerializer<SpecificRecord>(
            PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName(topics.prefix()))
        .serialize(topic, value);
  }

  protected <T extends SpecificRecord> T decode(String topic, byte[] value, Class<T> type) {
    return new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), type).deserialize(topic, value);
  }

  /** Sends a callback as the relay does: key payment id, value in Confluent wire format. */
  protected byte[] send(PaymentCallback callback) {
    byte[] value = encode(topics.callbacks(), callback);
    sendRaw(topics.callbacks(), callback.getPaymentId(), value);
    return value;
  }

  protected void sendRaw(String topic, String key, byte[] value) {
    sendRaw(topic, key, value, Map.of());
  }

  /** Sends a record with these headers (UTF-8 values), e.g. a W3C {@code traceparent}. */
  protected void sendRaw(String topic, String key, byte[] value, Map<String, String> headers) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    try {
      producer().send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private Producer<byte[], byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new ByteArraySerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }

  /** The payment's journal entries as {@code GET /v1/payments/{id}/entries} returns them. */
  protected List<EntryView> entriesOf(String paymentId) {
    return http()
        .get()
        .uri("/v1/payments/{id}/entries", paymentId)
        .retrieve()
        .body(new ParameterizedTypeReference<List<EntryView>>() {});
  }

  /** The API as the test's operator. */
  protected RestClient http() {
    return http(Callers.OPERATOR);
  }

  /** The API as the holder of {@code token} (see {@link Callers}). */
  protected RestClient http(String token) {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultHeader("Authorization", "Bearer " + token)
        .build();
  }

  protected long count(String sql, Object... args) {
    return Objects.requireNonNull(jdbc.queryForObject(sql, Long.class, args));
  }

  /** Waits until the ledger recorded the callback as processed (with any outcome). */
  protected void awaitProcessed(PaymentCallback callback) {
    awaitProcessed(callback.getCallbackId());
  }

  protected void awaitProcessed(java.util.UUID sourceEventId) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                count(
                        "select count(*) from processed_event where source_event_id = ?",
                        sourceEventId)
                    == 1);
  }

  protected String outcomeOf(java.util.UUID sourceEventId) {
    return jdbc.queryForObject(
        "select outcome || coalesce(':' || reason_code, '') from processed_event"
            + " where source_event_id = ?",
        String.class,
        sourceEventId);
  }

  /** Sends a command as the gateway does: key payment id. */
  protected void send(com.paystream.schemas.commands.PaymentCommand command) {
    sendRaw(topics.commands(), command.getPaymentId(), encode(topics.commands(), command));
  }

  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  /** POSTs {@code body} (none when null) as the holder of {@code token}; any status, JSON body. */
  protected ResponseEntity<Map<String, Object>> postAs(String token, String uri, Object body) {
    RestClient.RequestBodySpec request = http(token).post().uri(uri);
    if (body != null) {
      request = request.body(body);
    }
    return request.exchange(
        (req, res) ->
            ResponseEntity.status(res.getStatusCode())
                .headers(res.getHeaders())
                .body(res.bodyTo(JSON)));
  }

  /**
   * Asks for a change as the operator, which waits for a second operator (202), and approves it as
   * the second operator; the approval's answer ({@code approval} and {@code result}).
   */
  protected Map<String, Object> requestedAndApproved(String uri) {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, uri, null);
    org.assertj.core.api.Assertions.assertThat(requested.getStatusCode().value())
        .as("four eyes for " + uri + ": " + requested.getBody())
        .isEqualTo(202);
    ResponseEntity<Map<String, Object>> approved =
        postAs(
            Callers.OPERATOR2,
            "/v1/approvals/" + requested.getBody().get("approvalId") + "/approve",
            null);
    org.assertj.core.api.Assertions.assertThat(approved.getStatusCode().value())
        .as("approval of " + uri + ": " + approved.getBody())
        .isEqualTo(200);
    return approved.getBody();
  }

  protected <T extends SpecificRecord> List<T> published(String topic, Class<T> type) {
    return TopicReader.readAll(bootstrapServers(), topic).stream()
        .map(r -> decode(topic, r.value(), type))
        .toList();
  }
}
