package com.paystream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.fixtures.SampleRecords;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

/** Records written with another version of the contract decode into the current class. */
class SchemaEvolutionTest {

  private static final String TOPIC = "payments.callbacks.v1";
  private static final String SUBJECT = "payments.callbacks.v1-value";
  private static final Schema CURRENT = PaymentCallback.getClassSchema();

  @Test
  void olderWriterWithoutAnOptionalFieldDecodesWithTheReadersDefault() {
    Schema older = SchemaVariants.withoutField(CURRENT, "provider_payment_id");
    PinnedSchemaRegistry registry =
        PinnedSchemaRegistry.of(
            List.of(
                new RegisteredSchema(SUBJECT, 1, 101, older),
                new RegisteredSchema(SUBJECT, 2, 102, CURRENT)));
    byte[] writtenByOlderProducer =
        SchemaVariants.framed(101, SchemaVariants.avroAs(SampleRecords.callback(), older));

    PaymentCallback decoded = deserializer(registry).deserialize(TOPIC, writtenByOlderProducer);

    PaymentCallback expected =
        PaymentCallback.newBuilder(SampleRecords.callback()).setProviderPaymentId(null).build();
    assertThat(decoded).isEqualTo(expected);
  }

  @Test
  void newerWriterWithAnExtraFieldDecodesWithoutIt() {
    Schema newer =
        SchemaVariants.withField(
            CURRENT, "{\"name\":\"channel\",\"type\":\"string\",\"default\":\"\"}");
    PinnedSchemaRegistry registry =
        PinnedSchemaRegistry.of(
            List.of(
                new RegisteredSchema(SUBJECT, 1, 101, CURRENT),
                new RegisteredSchema(SUBJECT, 2, 102, newer)));
    byte[] writtenByNewerProducer =
        SchemaVariants.framed(
            102,
            SchemaVariants.avroAs(
                SampleRecords.callback(), newer, record -> record.put("channel", "mobile-app")));

    PaymentCallback decoded = deserializer(registry).deserialize(TOPIC, writtenByNewerProducer);

    assertThat(decoded).isEqualTo(SampleRecords.callback());
  }

  @Test
  void statusSymbolUnknownToThisBuildDecodesAsUnknown() {
    Schema newer =
        SchemaVariants.withFieldType(
            CURRENT,
            "status",
            "{\"type\":\"enum\",\"name\":\"PaymentStatus\",\"namespace\":\"com.paystream.schemas.common\","
                + "\"symbols\":[\"UNKNOWN\",\"CREATED\",\"PENDING\",\"SUCCEEDED\",\"FAILED\","
                + "\"CANCELLED\",\"REFUNDED\",\"CHARGED_BACK\"],\"default\":\"UNKNOWN\"}");
    PinnedSchemaRegistry registry =
        PinnedSchemaRegistry.of(List.of(new RegisteredSchema(SUBJECT, 1, 102, newer)));
    byte[] bytes =
        SchemaVariants.framed(
            102,
            SchemaVariants.avroAs(
                SampleRecords.callback(),
                newer,
                record ->
                    record.put(
                        "status",
                        new GenericData.EnumSymbol(
                            newer.getField("status").schema(), "CHARGED_BACK"))));

    PaymentCallback decoded = deserializer(registry).deserialize(TOPIC, bytes);

    assertThat(decoded.getStatus()).isEqualTo(PaymentStatus.UNKNOWN);
  }

  @Test
  void writerWithTheSameCanonicalFormButOtherDocsDecodes() {
    Schema redocumented = SchemaVariants.withDoc(CURRENT, "an older wording of the doc");
    PinnedSchemaRegistry registry =
        PinnedSchemaRegistry.of(List.of(new RegisteredSchema(SUBJECT, 1, 101, redocumented)));
    byte[] bytes = SchemaVariants.framed(101, SchemaVariants.currentAvro(SampleRecords.callback()));

    assertThat(deserializer(registry).deserialize(TOPIC, bytes))
        .isEqualTo(SampleRecords.callback());
  }

  private static AvroDeserializer<PaymentCallback> deserializer(PinnedSchemaRegistry registry) {
    return new AvroDeserializer<>(registry, PaymentCallback.class);
  }
}
