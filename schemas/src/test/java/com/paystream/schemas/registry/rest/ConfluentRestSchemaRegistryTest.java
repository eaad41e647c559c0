package com.paystream.schemas.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SampleRecords;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaNotFoundException.Kind;
import com.paystream.schemas.registry.SchemaRegistryException;
import com.paystream.schemas.registry.SchemaRegistryUnavailableException;
import com.paystream.schemas.registry.http.ConfluentRegistryHttpServer;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerde;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.support.CountingRegistry;
import com.paystream.schemas.topics.Topics;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a real HTTP server serving the pinned registry. */
class ConfluentRestSchemaRegistryTest {

  private static final String CALLBACKS = "payments.callbacks.v1-value";

  private CountingRegistry served;
  private ConfluentRegistryHttpServer server;
  private ConfluentRestSchemaRegistry client;

  @BeforeEach
  void startServer() {
    served = new CountingRegistry(PinnedSchemaRegistry.bundled());
    server = ConfluentRegistryHttpServer.start(served, loopback());
    client = new ConfluentRestSchemaRegistry(server.baseUri(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void schemaById() {
    assertThat(client.byId(102)).isEqualTo(PaymentCallback.getClassSchema());
    assertThat(client.byId(604)).isEqualTo(StatementLine.getClassSchema());
  }

  @Test
  void schemaByIdIsCachedForever() {
    client.byId(101);
    client.byId(101);
    client.byId(101);

    assertThat(served.byIds()).isEqualTo(1);
  }

  @Test
  void subjectsVersionsAndLatest() {
    assertThat(client.subjects()).isEqualTo(PinnedSchemaRegistry.bundled().subjects());
    assertThat(client.versions(CALLBACKS)).containsExactly(1, 2);
    assertThat(client.version(CALLBACKS, 2))
        .isEqualTo(new RegisteredSchema(CALLBACKS, 2, 102, PaymentCallback.getClassSchema()));
    assertThat(client.latest(CALLBACKS)).isEqualTo(client.version(CALLBACKS, 2));
  }

  @Test
  void lookupFindsTheIdOfTheGeneratedClass() {
    assertThat(client.idFor(CALLBACKS, PaymentCallback.getClassSchema())).isEqualTo(102);
  }

  @Test
  void lookupFallsBackToTheCanonicalFormWhenTheServerMatchesExactly() {
    Schema redocumented = SchemaVariants.withDoc(PaymentCallback.getClassSchema(), "other words");

    assertThat(client.lookup(CALLBACKS, redocumented).id()).isEqualTo(102);
  }

  @Test
  void notFoundAnswersMapToKinds() {
    assertNotFound(() -> client.byId(999), Kind.SCHEMA);
    assertNotFound(() -> client.versions("nope-value"), Kind.SUBJECT);
    assertNotFound(() -> client.latest("nope-value"), Kind.SUBJECT);
    assertNotFound(() -> client.version(CALLBACKS, 7), Kind.VERSION);
    assertNotFound(() -> client.lookup(CALLBACKS, StatementLine.getClassSchema()), Kind.SCHEMA);
    assertNotFound(
        () -> client.lookup("nope-value", PaymentCallback.getClassSchema()), Kind.SUBJECT);
  }

  @Test
  void baseUriWithTrailingSlashWorks() {
    ConfluentRestSchemaRegistry slashed =
        new ConfluentRestSchemaRegistry(URI.create(server.baseUri() + "/"), Duration.ofSeconds(5));

    assertThat(slashed.byId(102)).isEqualTo(PaymentCallback.getClassSchema());
  }

  @Test
  void producerAndConsumerConfiguredWithTheUrlRoundTripThroughTheServer() {
    Map<String, Object> config = Map.of(AvroSerdeConfig.REGISTRY_URL, server.baseUri().toString());
    try (AvroSerializer<PaymentCallback> producerSide = new AvroSerializer<>();
        AvroDeserializer<PaymentCallback> consumerSide = new AvroDeserializer<>()) {
      producerSide.configure(config, false);
      consumerSide.configure(config, false);

      byte[] bytes = producerSide.serialize("payments.callbacks.v1", SampleRecords.callback());
      PaymentCallback decoded = consumerSide.deserialize("payments.callbacks.v1", bytes);

      assertThat(decoded).isEqualTo(SampleRecords.callback());
      assertThat(served.byIds()).isEqualTo(1);
    }
  }

  @Test
  void catalogueSerdeConfiguredWithTheUrlRoundTrips() {
    AvroSerde<PaymentCallback> serde =
        Topics.PAYMENT_CALLBACKS.valueSerde(
            Map.of(AvroSerdeConfig.REGISTRY_URL, server.baseUri().toString()));

    byte[] bytes = serde.serializer().serialize("payments.callbacks.v1", SampleRecords.callback());

    assertThat(serde.deserializer().deserialize("payments.callbacks.v1", bytes))
        .isEqualTo(SampleRecords.callback());
  }

  @Test
  void silentServerTimesOutAsUnavailable() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer silent = HttpServer.create(loopback(), 0);
    silent.createContext(
        "/",
        exchange -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    silent.start();
    try {
      ConfluentRestSchemaRegistry impatient =
          new ConfluentRestSchemaRegistry(uriOf(silent), Duration.ofMillis(300));

      assertThatThrownBy(() -> impatient.byId(101))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining("did not answer");
    } finally {
      release.countDown();
      silent.stop(0);
    }
  }

  @Test
  void serverErrorIsUnavailableAndClientErrorIsNot() throws IOException {
    HttpServer failing = HttpServer.create(loopback(), 0);
    failing.createContext("/schemas", exchange -> answer(exchange, 503, "{\"message\":\"busy\"}"));
    failing.createContext("/subjects", exchange -> answer(exchange, 401, "{\"message\":\"who?\"}"));
    failing.start();
    try {
      ConfluentRestSchemaRegistry registry =
          new ConfluentRestSchemaRegistry(uriOf(failing), Duration.ofSeconds(5));

      assertThatThrownBy(() -> registry.byId(101))
          .isInstanceOf(SchemaRegistryUnavailableException.class)
          .hasMessageContaining("503")
          .hasMessageContaining("busy");
      assertThatThrownBy(registry::subjects)
          .isInstanceOf(SchemaRegistryException.class)
          .isNotInstanceOf(SchemaRegistryUnavailableException.class)
          .isNotInstanceOf(SchemaNotFoundException.class)
          .hasMessageContaining("401");
    } finally {
      failing.stop(0);
    }
  }

  @Test
  void nonAvroSchemaIsNotFoundAsAvro() throws IOException {
    HttpServer protobuf = HttpServer.create(loopback(), 0);
    protobuf.createContext(
        "/",
        exchange ->
            answer(
                exchange, 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = 'proto3';\"}"));
    protobuf.start();
    try {
      ConfluentRestSchemaRegistry registry =
          new ConfluentRestSchemaRegistry(uriOf(protobuf), Duration.ofSeconds(5));

      assertNotFound(() -> registry.byId(5), Kind.SCHEMA);
    } finally {
      protobuf.stop(0);
    }
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  private static URI uriOf(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void assertNotFound(Runnable call, Kind kind) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            SchemaNotFoundException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
