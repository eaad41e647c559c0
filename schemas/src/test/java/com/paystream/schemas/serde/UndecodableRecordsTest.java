package com.paystream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SampleRecords;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaRegistryUnavailableException;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.registry.rest.ConfluentRestSchemaRegistry;
import com.paystream.schemas.serde.UndecodableRecordException.Reason;
import com.paystream.schemas.support.CountingRegistry;
import com.paystream.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Bytes that can never become a record fail with a reason a consumer can dead-letter by. */
class UndecodableRecordsTest {

  private static final String TOPIC = "payments.callbacks.v1";
  private static final int CALLBACK_ID = 101;

  private final AvroDeserializer<PaymentCallback> deserializer =
      new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), PaymentCallback.class);

  @Test
  void emptyValueIsEmpty() {
    assertReason(new byte[0], Reason.EMPTY);
  }

  @Test
  void jsonIsNotConfluentFraming() {
    byte[] json = "{\"payment_id\":\"pay-42\"}".getBytes(StandardCharsets.UTF_8);

    UndecodableRecordException e = assertReason(json, Reason.NOT_CONFLUENT_FRAMING);

    assertThat(e).hasMessageContaining("0x7b");
    assertThat(e.schemaId()).isEmpty();
  }

  @Test
  void wrongMagicByteIsNotConfluentFraming() {
    byte[] valid = validCallback();
    valid[0] = 1;

    assertReason(valid, Reason.NOT_CONFLUENT_FRAMING);
  }

  @Test
  void headerShorterThanFiveBytesIsNotConfluentFraming() {
    assertReason(new byte[] {0, 0, 0}, Reason.NOT_CONFLUENT_FRAMING);
  }

  @Test
  void unregisteredIdIsUnknownSchemaId() {
    byte[] bytes = SchemaVariants.framed(999, SchemaVariants.currentAvro(SampleRecords.callback()));

    UndecodableRecordException e = assertReason(bytes, Reason.UNKNOWN_SCHEMA_ID);

    assertThat(e.schemaId()).hasValue(999);
    assertThat(e).hasMessageContaining("999");
  }

  @Test
  void negativeIdIsUnknownSchemaId() {
    byte[] bytes = SchemaVariants.framed(-5, SchemaVariants.currentAvro(SampleRecords.callback()));

    assertReason(bytes, Reason.UNKNOWN_SCHEMA_ID);
  }

  @Test
  void idOfAnotherContractIsIncompatibleSchema() {
    int statementLineId = 601;
    byte[] bytes =
        SchemaVariants.framed(
            statementLineId, SchemaVariants.currentAvro(SampleRecords.statementLine()));

    UndecodableRecordException e = assertReason(bytes, Reason.INCOMPATIBLE_SCHEMA);

    assertThat(e).hasMessageContaining("StatementLine").hasMessageContaining("PaymentCallback");
  }

  @Test
  void writerWithoutAGeneratedClassIsIncompatibleForTheClassPerWriterDeserializer() {
    Schema unknown =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Unknown\",\"namespace\":\"com.example\","
                    + "\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}");
    AvroDeserializer<SpecificRecord> perWriter =
        new AvroDeserializer<>(
            PinnedSchemaRegistry.of(List.of(new RegisteredSchema("x-value", 1, 901, unknown))),
            null);

    UndecodableRecordException e =
        catchThrowableOfType(
            UndecodableRecordException.class,
            () -> perWriter.deserialize(TOPIC, SchemaVariants.framed(901, new byte[] {2})));

    assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA);
    assertThat(e).hasMessageContaining("no generated class for writer schema com.example.Unknown");
  }

  @Test
  void truncatedBodyIsCorruptAvro() {
    byte[] valid = validCallback();

    assertReason(Arrays.copyOf(valid, valid.length - 3), Reason.CORRUPT_AVRO);
  }

  @Test
  void headerWithoutBodyIsCorruptAvro() {
    assertReason(SchemaVariants.framed(CALLBACK_ID, new byte[0]), Reason.CORRUPT_AVRO);
  }

  @Test
  void bytesAfterTheRecordAreCorruptAvro() {
    byte[] valid = validCallback();
    byte[] padded = Arrays.copyOf(valid, valid.length + 2);

    UndecodableRecordException e = assertReason(padded, Reason.CORRUPT_AVRO);

    assertThat(e).hasMessageContaining("2 bytes left after the record");
  }

  @Test
  void randomBytesBehindAValidHeaderAreCorruptAvro() {
    byte[] noise = new byte[64];
    new Random(42).nextBytes(noise);

    assertReason(SchemaVariants.framed(CALLBACK_ID, noise), Reason.CORRUPT_AVRO);
  }

  @Test
  void aStringClaimingAGigabyteIsRefusedBeforeAllocating() throws IOException {
    ByteArrayOutputStream avro = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(avro, null);
    encoder.writeLong(1L << 30); // length of envelope.event_id
    encoder.writeFixed(new byte[] {'a', 'b', 'c'});

    UndecodableRecordException e =
        assertReason(SchemaVariants.framed(CALLBACK_ID, avro.toByteArray()), Reason.CORRUPT_AVRO);

    assertThat(e).hasMessageContaining("string length 1073741824 with 3 bytes left");
  }

  @Test
  void malformedUuidTextIsCorruptAvro() {
    byte[] avro =
        SchemaVariants.avroAs(
            SampleRecords.callback(),
            PaymentCallback.getClassSchema(),
            record -> record.put("callback_id", "not-a-uuid"));

    assertReason(SchemaVariants.framed(CALLBACK_ID, avro), Reason.CORRUPT_AVRO);
  }

  @Test
  void messageNamesTopicAndReason() {
    UndecodableRecordException e = assertReason(new byte[] {9}, Reason.NOT_CONFLUENT_FRAMING);

    assertThat(e.topic()).isEqualTo(TOPIC);
    assertThat(e)
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
        .hasMessageStartingWith("Undecodable record from topic 'payments.callbacks.v1':")
        .hasMessageContaining("NOT_CONFLUENT_FRAMING")
        .hasMessageContaining("value:");
  }

  @Test
  void unreachableRegistryIsTransientNotUndecodable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AvroDeserializer<PaymentCallback> overRest =
        new AvroDeserializer<>(
            new ConfluentRestSchemaRegistry(
                URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2)),
            PaymentCallback.class);

    assertThatThrownBy(() -> overRest.deserialize(TOPIC, validCallback()))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .isNotInstanceOf(UndecodableRecordException.class);
  }

  @Test
  void writerSchemaIsFetchedOncePerIdNotPerRecord() {
    CountingRegistry registry = new CountingRegistry(PinnedSchemaRegistry.bundled());
    AvroSerde<PaymentCallback> serde = Topics.PAYMENT_CALLBACKS.valueSerde(registry);

    for (int i = 0; i < 50; i++) {
      byte[] bytes = serde.serializer().serialize(TOPIC, SampleRecords.callback());
      serde.deserializer().deserialize(TOPIC, bytes);
    }

    assertThat(registry.lookups()).isEqualTo(1);
    assertThat(registry.byIds()).isEqualTo(1);
  }

  private byte[] validCallback() {
    return SchemaVariants.framed(CALLBACK_ID, SchemaVariants.currentAvro(SampleRecords.callback()));
  }

  private UndecodableRecordException assertReason(byte[] bytes, Reason reason) {
    UndecodableRecordException e =
        catchThrowableOfType(
            UndecodableRecordException.class, () -> deserializer.deserialize(TOPIC, bytes));
    assertThat(e).as("expected an UndecodableRecordException").isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e).hasMessageContaining(reason.name()).hasMessageContaining(TOPIC);
    return e;
  }
}
