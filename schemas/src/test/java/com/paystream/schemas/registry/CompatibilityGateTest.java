package com.paystream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.CompatibilityGate.Violation;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

  private static final String SUBJECT = "payments.callbacks.v1-value";
  private static final Schema V1 = PaymentCallback.getClassSchema();
  private static final String OPTIONAL_CHANNEL =
      "{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}";
  private static final String REQUIRED_CHANNEL = "{\"name\":\"channel\",\"type\":\"string\"}";

  @Test
  void addingAnOptionalFieldWithDefaultPasses() {
    Schema v2 = SchemaVariants.withField(V1, OPTIONAL_CHANNEL);

    List<Violation> violations = check(v2, V1, v2);

    assertThat(violations).isEmpty();
  }

  @Test
  void addingAFieldWithoutDefaultFails() {
    Schema v2 = SchemaVariants.withField(V1, REQUIRED_CHANNEL);

    List<Violation> violations = check(v2, V1, v2);

    assertThat(violations)
        .map(Violation::toString)
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith(SUBJECT + ": v2 (id 102) cannot read data written with v1 (id 101)")
                    .contains("BACKWARD_TRANSITIVE")
                    .contains("READER_FIELD_MISSING_DEFAULT")
                    .contains("channel"));
  }

  @Test
  void changingAFieldTypeFails() {
    Schema v2 = SchemaVariants.withFieldType(V1, "amount_minor", "\"string\"");

    List<Violation> violations = check(v2, V1, v2);

    assertThat(violations)
        .map(Violation::message)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("v2 (id 102) cannot read data written with v1 (id 101)")
                    .contains("TYPE_MISMATCH")
                    .contains("/fields/9/type"));
  }

  @Test
  void compatibilityIsCheckedAgainstAllEarlierVersionsNotJustThePrevious() {
    Schema v2 =
        SchemaVariants.withField(V1, "{\"name\":\"channel\",\"type\":\"string\",\"default\":\"\"}");
    Schema v3 = SchemaVariants.withField(V1, REQUIRED_CHANNEL); // reads v2, not v1
    PinnedSchemaRegistry frozen = registry(V1, v2, v3);

    List<Violation> violations = CompatibilityGate.check(frozen, Map.of(SUBJECT, v3));

    assertThat(violations)
        .map(Violation::message)
        .anySatisfy(m -> assertThat(m).startsWith("v3 (id 103) cannot read data written with v1"))
        .noneSatisfy(m -> assertThat(m).startsWith("v3 (id 103) cannot read data written with v2"));
  }

  @Test
  void changedAvscWithoutANewVersionFails() {
    Schema edited = SchemaVariants.withField(V1, OPTIONAL_CHANNEL);

    List<Violation> violations = CompatibilityGate.check(registry(V1), Map.of(SUBJECT, edited));

    assertThat(violations)
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .contains("differs from the newest frozen version v1 (id 101")
        .contains("freeze it as v2");
  }

  @Test
  void docOnlyChangeNeedsNoNewVersion() {
    Schema redocumented = SchemaVariants.withDoc(V1, "clearer words");

    assertThat(CompatibilityGate.check(registry(V1), Map.of(SUBJECT, redocumented))).isEmpty();
  }

  @Test
  void removingADefaultWithoutANewVersionFailsAlthoughTheCanonicalFormIsTheSame() {
    Schema v1 = SchemaVariants.withoutField(V1, "provider_payment_id");
    Schema v2 = V1;
    Schema currentWithoutDefault =
        SchemaVariants.withFieldType(V1, "provider_payment_id", "[\"null\",\"string\"]");

    List<Violation> violations =
        CompatibilityGate.check(registry(v1, v2), Map.of(SUBJECT, currentWithoutDefault));

    // Caught twice: the contract differs from the newest version (the default is part of it,
    // although the canonical form drops it), and the current class cannot read v1.
    assertThat(violations)
        .hasSize(2)
        .map(Violation::message)
        .anySatisfy(m -> assertThat(m).contains("differs from the newest frozen version v2"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("cannot read data written with v1 (id 101)")
                    .contains("provider_payment_id"));
  }

  @Test
  void subjectWithoutAnyFrozenVersionFails() {
    List<Violation> violations =
        CompatibilityGate.check(PinnedSchemaRegistry.of(List.of()), Map.of(SUBJECT, V1));

    assertThat(violations).singleElement().asString().contains("no version is frozen");
  }

  private static List<Violation> check(Schema v2, Schema v1, Schema current) {
    return CompatibilityGate.check(registry(v1, v2), Map.of(SUBJECT, current));
  }

  private static PinnedSchemaRegistry registry(Schema... versions) {
    List<RegisteredSchema> registered =
        java.util.stream.IntStream.range(0, versions.length)
            .mapToObj(i -> new RegisteredSchema(SUBJECT, i + 1, 101 + i, versions[i]))
            .toList();
    return PinnedSchemaRegistry.of(registered);
  }
}
