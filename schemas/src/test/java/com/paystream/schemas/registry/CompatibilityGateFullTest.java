package com.paystream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.registry.CompatibilityGate.Violation;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** FULL_TRANSITIVE, as the gate checks the public topics' subjects. */
class CompatibilityGateFullTest {

  private static final String SUBJECT = "recon.results.v1-value";
  private static final String WITH_DEFAULT = "\"default\":\"UNKNOWN\"";

  @Test
  void aNewEnumSymbolPassesWhenTheEnumHasADefault() {
    Schema v1 = schema("[\"OPEN\",\"RESOLVED\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE);
    Schema v2 = schema("[\"OPEN\",\"RESOLVED\",\"REOPENED\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE);

    assertThat(full(v2, v1, v2)).isEmpty();
  }

  @Test
  void aNewEnumSymbolFailsWhenTheEnumHasNoDefault() {
    Schema v1 = schema("[\"OPEN\",\"RESOLVED\"]", NOTE);
    Schema v2 = schema("[\"OPEN\",\"RESOLVED\",\"REOPENED\"]", NOTE);

    assertThat(backwardOnly(v2, v1, v2)).as("BACKWARD alone lets it through").isEmpty();
    assertThat(full(v2, v1, v2))
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .contains("has enums without a default: [test.State]");
  }

  @Test
  void droppingTheDefaultOfAnEnumAfterTheBaselineFails() {
    Schema v1 = schema("[\"OPEN\",\"RESOLVED\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE);
    Schema v2 = schema("[\"OPEN\",\"RESOLVED\",\"UNKNOWN\"]", NOTE);

    assertThat(full(v2, v1, v2))
        .map(Violation::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("v2 (id 102) comes after the full baseline v1")
                    .contains("test.State"));
  }

  @Test
  void aFieldRemovedWithoutDefaultFailsBecauseOlderReadersNeedIt() {
    Schema v1 = schema("[\"OPEN\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE);
    Schema v2 = schema("[\"OPEN\",\"UNKNOWN\"]," + WITH_DEFAULT, "");

    assertThat(backwardOnly(v2, v1, v2)).as("BACKWARD alone lets it through").isEmpty();
    assertThat(full(v2, v1, v2))
        .singleElement()
        .extracting(Violation::message)
        .asString()
        .startsWith("v1 (id 101) cannot read data written with v2 (id 102)")
        .contains("FULL_TRANSITIVE")
        .contains("READER_FIELD_MISSING_DEFAULT")
        .contains("note");
  }

  @Test
  void forwardIsCheckedAgainstEveryEarlierVersionNotJustThePrevious() {
    Schema v1 = schema("[\"OPEN\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE);
    Schema v2 = schema("[\"OPEN\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE_WITH_DEFAULT);
    Schema v3 = schema("[\"OPEN\",\"UNKNOWN\"]," + WITH_DEFAULT, ""); // v2 reads it, v1 not

    List<Violation> violations =
        CompatibilityGate.check(registry(v1, v2, v3), Map.of(SUBJECT, v3), Set.of(SUBJECT));

    assertThat(violations)
        .map(Violation::message)
        .anySatisfy(m -> assertThat(m).startsWith("v1 (id 101) cannot read data written with v3"))
        .noneSatisfy(m -> assertThat(m).startsWith("v2 (id 102) cannot read data written with v3"));
  }

  @Test
  void versionsBeforeTheBaselineAreCheckedBackwardOnly() {
    // What this suite did once: v1 froze enums without default, v2 gave each an UNKNOWN default.
    Schema v1 = schema("[\"OPEN\",\"RESOLVED\"]", NOTE);
    Schema v2 = schema("[\"OPEN\",\"RESOLVED\",\"UNKNOWN\"]," + WITH_DEFAULT, NOTE);

    assertThat(full(v2, v1, v2)).isEmpty();
  }

  private static final String NOTE = ",{\"name\":\"note\",\"type\":\"string\"}";
  private static final String NOTE_WITH_DEFAULT =
      ",{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}";

  private static Schema schema(String enumSymbolsAndDefault, String moreFields) {
    return new Schema.Parser()
        .parse(
            "{\"type\":\"record\",\"name\":\"Result\",\"namespace\":\"test\",\"fields\":["
                + "{\"name\":\"state\",\"type\":{\"type\":\"enum\",\"name\":\"State\",\"symbols\":"
                + enumSymbolsAndDefault
                + "}}"
                + moreFields
                + "]}");
  }

  private static List<Violation> full(Schema v2, Schema v1, Schema current) {
    return CompatibilityGate.check(registry(v1, v2), Map.of(SUBJECT, current), Set.of(SUBJECT));
  }

  private static List<Violation> backwardOnly(Schema v2, Schema v1, Schema current) {
    return CompatibilityGate.check(registry(v1, v2), Map.of(SUBJECT, current));
  }

  private static PinnedSchemaRegistry registry(Schema... versions) {
    return PinnedSchemaRegistry.of(
        IntStream.range(0, versions.length)
            .mapToObj(i -> new RegisteredSchema(SUBJECT, i + 1, 101 + i, versions[i]))
            .toList());
  }
}
