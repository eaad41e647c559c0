package com.paystream.relay.support;

import com.paystream.relay.delivery.MessageStatus;
import com.paystream.schemas.callbacks.CallbackSource;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.Topics;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway's side of the contract, for tests: a fresh database with the platform's outbox, and
 * callbacks recorded into it the way the gateway records them (one row per callback, the serialized
 * Avro value, the payment id as key). Each callback carries its per-payment sequence number in the
 * provider event id, and the test keeps the expected order by message id.
 */
public final class GatewayOutbox {

  private static final PinnedSchemaRegistry REGISTRY = PinnedSchemaRegistry.bundled();

  private final DatabaseCoordinates db;
  private final String prefix;
  private final JdbcTemplate jdbc;
  private final AvroSerializer<PaymentCallback> serializer;

  /** Which payment and which position within it each recorded message id stands for. */
  public record Recorded(UUID messageId, String paymentId, int sequence) {}

  private GatewayOutbox(DatabaseCoordinates db, String prefix) {
    this.db = db;
    this.prefix = prefix;
    // The gateway's part: written as the owner (the relay's runtime role may only read the outbox).
    DataSource dataSource =
        new DriverManagerDataSource(db.jdbcUrl(), db.owner().username(), db.owner().password());
    this.jdbc = new JdbcTemplate(dataSource);
    this.serializer = new AvroSerializer<>(REGISTRY, SubjectNameStrategy.topicName(prefix));
  }

  /** A new database on the shared PostgreSQL, migrated as the gateway would have done. */
  public static GatewayOutbox create(String prefix) {
    DatabaseCoordinates db =
        SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName("gateway"));
    migrateOutbox(db);
    return new GatewayOutbox(db, prefix);
  }

  /** The gateway's outbox table, migrated by the database's owner as the gateway would. */
  public static void migrateOutbox(DatabaseCoordinates db) {
    Flyway.configure()
        .dataSource(db.jdbcUrl(), db.owner().username(), db.owner().password())
        .locations("classpath:db/outbox")
        .load()
        .migrate();
  }

  /**
   * Points a relay under test at the database: it connects as the runtime role (standing in for the
   * relay's own) and migrates its schema as the database's owner, as in production.
   */
  public static void register(DynamicPropertyRegistry registry, Supplier<DatabaseCoordinates> db) {
    registry.add("spring.datasource.url", () -> db.get().jdbcUrl());
    registry.add("spring.datasource.username", () -> db.get().runtime().username());
    registry.add("spring.datasource.password", () -> db.get().runtime().password());
    registry.add("spring.flyway.user", () -> db.get().owner().username());
    registry.add("spring.flyway.password", () -> db.get().owner().password());
  }

  public DatabaseCoordinates database() {
    return db;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  public String callbacksTopic() {
    return prefix + Topics.PAYMENT_CALLBACKS.name();
  }

  public String deadLetterTopic() {
    return prefix + Topics.PAYMENT_CALLBACKS_DLT.name();
  }

  /**
   * Records {@code perPayment} callbacks for each of {@code payments} new payments, interleaved
   * (payment 0 seq 0, payment 1 seq 0, …) and committed in one transaction per {@code chunk} rows.
   */
  public List<Recorded> recordInterleaved(int payments, int perPayment, String provider) {
    List<String> ids = new ArrayList<>();
    for (int p = 0; p < payments; p++) {
      ids.add("pay-" + UUID.randomUUID());
    }
    List<Recorded> all = new ArrayList<>(payments * perPayment);
    for (int s = 0; s < perPayment; s++) {
      for (String paymentId : ids) {
        all.add(new Recorded(UUID.randomUUID(), paymentId, s));
      }
    }
    insert(all, provider);
    return all;
  }

  /** Records the next callback of one payment, in its own transaction. */
  public Recorded recordOne(String paymentId, int sequence, String provider) {
    Recorded one = new Recorded(UUID.randomUUID(), paymentId, sequence);
    insert(List.of(one), provider);
    return one;
  }

  /**
   * Records the next callback of one payment as the gateway records a webhook inside its server
   * span: the row keeps that span's trace and span id.
   */
  public Recorded recordTraced(String paymentId, String provider, String traceId, String spanId) {
    Recorded one = new Recorded(UUID.randomUUID(), paymentId, 0);
    String topic = callbacksTopic();
    jdbc.update(
        "insert into outbox (message_id, topic, message_key, payload, trace_id, span_id)"
            + " values (?, ?, ?, ?, ?, ?)",
        one.messageId(),
        topic,
        paymentId,
        serializer.serialize(topic, callback(one, provider)),
        traceId,
        spanId);
    return one;
  }

  /**
   * Records an audit event as the gateway does (topic {@code audit.events.v1}): published once,
   * never confirmed by the ledger.
   */
  public UUID recordAuditEvent(String target) {
    UUID id = UUID.randomUUID();
    String topic = prefix + "audit.events.v1";
    com.paystream.schemas.audit.AuditEvent event =
        com.paystream.schemas.audit.AuditEvent.newBuilder()
            .setAuditId(id)
            .setService("payment-gateway-svc")
            .setOccurredAt(Instant.now())
            .setActor("operator:olga")
            .setRole("OPERATOR")
            .setCredential("key:olgaKey0001")
            .setAction("payment.amend")
            .setTarget(target)
            .setOutcome(com.paystream.schemas.audit.AuditOutcome.REQUESTED)
            .setReason("")
            .setRequestId("")
            .setTraceId("")
            .build();
    jdbc.update(
        "insert into outbox (message_id, topic, message_key, payload) values (?, ?, ?, ?)",
        id,
        topic,
        target,
        new com.paystream.schemas.serde.AvroSerializer<com.paystream.schemas.audit.AuditEvent>(
                com.paystream.schemas.registry.pinned.PinnedSchemaRegistry.bundled(),
                com.paystream.schemas.serde.SubjectNameStrategy.topicName(prefix))
            .serialize(topic, event));
    return id;
  }

  private void insert(List<Recorded> rows, String provider) {
    String topic = callbacksTopic();
    Object[] messageIds = new Object[rows.size()];
    Object[] keys = new Object[rows.size()];
    byte[][] payloads = new byte[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      Recorded row = rows.get(i);
      messageIds[i] = row.messageId();
      keys[i] = row.paymentId();
      payloads[i] = serializer.serialize(topic, callback(row, provider));
    }
    jdbc.execute(
        (Connection c) -> {
          // unnest keeps array order, and the identity column follows insertion order.
          try (var st =
              c.prepareStatement(
                  "insert into outbox (message_id, topic, message_key, payload)"
                      + " select id, ?, key, payload from unnest(?::uuid[], ?::text[], ?::bytea[])"
                      + " with ordinality as r(id, key, payload, n) order by n")) {
            st.setString(1, topic);
            st.setArray(2, c.createArrayOf("uuid", messageIds));
            st.setArray(3, c.createArrayOf("text", keys));
            st.setArray(4, c.createArrayOf("bytea", payloads));
            return st.executeUpdate();
          } catch (SQLException e) {
            throw e;
          }
        });
  }

  private static PaymentCallback callback(Recorded row, String provider) {
    Instant now = Instant.now();
    String eventId = "seq-" + row.sequence() + "-" + row.messageId();
    return PaymentCallback.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(row.messageId())
                .setCausationId(eventId)
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setTraceId("")
                .build())
        .setCallbackId(row.messageId())
        .setPaymentId(row.paymentId())
        .setMerchantId("m-1")
        .setProvider(provider)
        .setProviderEventId(eventId)
        .setSource(CallbackSource.WEBHOOK)
        .setStatus(PaymentStatus.PENDING)
        .setAmountMinor(1999)
        .setCurrency("EUR")
        .build();
  }

  /**
   * How many messages match {@code where} over the relay's view of them ({@link MessageStatus}:
   * status, attempts, last_error, … as the relay derives them; the outbox rows never change).
   */
  public long count(String where) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from (" + MessageStatus.SQL + ") m where " + where, Long.class);
    return n == null ? 0 : n;
  }

  public String status(UUID messageId) {
    return jdbc.queryForObject(
        "select status from (" + MessageStatus.SQL + ") m where message_id = ?",
        String.class,
        messageId);
  }

  /** Expected per-payment order, by message id. */
  public static Map<String, List<UUID>> byPayment(List<Recorded> recorded) {
    Map<String, List<UUID>> expected = new LinkedHashMap<>();
    for (Recorded r : recorded) {
      expected.computeIfAbsent(r.paymentId(), k -> new ArrayList<>()).add(r.messageId());
    }
    return expected;
  }
}
