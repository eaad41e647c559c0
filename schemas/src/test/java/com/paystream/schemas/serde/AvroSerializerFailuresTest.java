package com.paystream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SampleRecords;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerializerFailuresTest {

  private static final String TOPIC = "payments.callbacks.v1";
  private static final String SUBJECT = "payments.callbacks.v1-value";

  @Test
  void schemaNotRegisteredUnderTheSubjectIsRefusedNotRegistered() {
    PinnedSchemaRegistry onlyAnOlderVersion =
        PinnedSchemaRegistry.of(
            List.of(
                new RegisteredSchema(
                    SUBJECT,
                    1,
                    101,
                    SchemaVariants.withoutField(
                        PaymentCallback.getClassSchema(), "provider_payment_id"))));
    AvroSerializer<PaymentCallback> serializer = new AvroSerializer<>(onlyAnOlderVersion);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.callback()))
        .isInstanceOf(UnregisteredSchemaException.class)
        .hasMessageContaining("payments.callbacks.v1-value")
        .hasMessageContaining("never auto-registered");
  }

  @Test
  void unknownSubjectIsRefused() {
    AvroSerializer<PaymentCallback> serializer =
        new AvroSerializer<>(PinnedSchemaRegistry.bundled());

    assertThatThrownBy(
            () -> serializer.serialize("payments.callbacks.v2", SampleRecords.callback()))
        .isInstanceOf(UnregisteredSchemaException.class)
        .hasMessageContaining("payments.callbacks.v2-value");
  }

  @Test
  void missingRequiredFieldIsASerializationErrorNamingTheTopic() {
    PaymentCallback incomplete = SampleRecords.callback();
    incomplete.put("currency", null);
    AvroSerializer<PaymentCallback> serializer =
        new AvroSerializer<>(PinnedSchemaRegistry.bundled());

    assertThatThrownBy(() -> serializer.serialize(TOPIC, incomplete))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC)
        .hasMessageContaining("currency");
  }

  @Test
  void unconfiguredSerializerFailsLoudly() {
    AvroSerializer<PaymentCallback> serializer = new AvroSerializer<>();

    assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.callback()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configure");
  }
}
