package com.paystream.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.pinned.Manifest;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFreezerTest {

  private static final String CALLBACKS = "payments.callbacks.v1-value";

  @Test
  void firstVersionOfANewSubjectNeedsAnExplicitId(@TempDir Path dir) {
    assertThatThrownBy(() -> SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give its first id");
  }

  @Test
  void freezesTheFullSchemaOfTheGeneratedClass(@TempDir Path dir) throws IOException {
    SchemaFreezer.Result result = SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.of(101));

    assertThat(result.created()).isTrue();
    assertThat(Files.readString(dir.resolve(CALLBACKS + "/v1.avsc")))
        .isEqualTo(SchemaFormatter.format("json/pretty", PaymentCallback.getClassSchema()) + "\n");
    assertThat(PinnedSchemaRegistry.load(dir).idFor(CALLBACKS, PaymentCallback.getClassSchema()))
        .isEqualTo(101);
  }

  @Test
  void freezingAnUnchangedSchemaAgainDoesNothing(@TempDir Path dir) throws IOException {
    SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.of(101));
    String manifest = Files.readString(dir.resolve("manifest.json"));

    SchemaFreezer.Result again = SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.empty());

    assertThat(again.created()).isFalse();
    assertThat(again.version().version()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("manifest.json"))).isEqualTo(manifest);
  }

  @Test
  void nextVersionTakesTheNextIdOfTheBlock(@TempDir Path dir) throws IOException {
    writeV1(
        dir, SchemaVariants.withoutField(PaymentCallback.getClassSchema(), "provider_payment_id"));

    SchemaFreezer.Result v2 = SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.empty());

    assertThat(v2.version().version()).isEqualTo(2);
    assertThat(v2.version().id()).isEqualTo(102);
    assertThat(PinnedSchemaRegistry.load(dir).versions(CALLBACKS)).containsExactly(1, 2);
  }

  @Test
  void refusesAVersionThatCannotReadAnEarlierOne(@TempDir Path dir) throws IOException {
    // v1 lacked currency, which the current class requires without a default.
    writeV1(dir, SchemaVariants.withoutField(PaymentCallback.getClassSchema(), "currency"));

    assertThatThrownBy(() -> SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot read data written with v1")
        .hasMessageContaining("currency");
    assertThat(dir.resolve(CALLBACKS + "/v2.avsc")).doesNotExist();
  }

  @Test
  void refusesAnIdInUse(@TempDir Path dir) {
    SchemaFreezer.freeze(dir, CALLBACKS, OptionalInt.of(101));

    assertThatThrownBy(
            () -> SchemaFreezer.freeze(dir, "payments.commands.v1-value", OptionalInt.of(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id 101 is already");
  }

  @Test
  void refusesASubjectOutsideTheCatalogue(@TempDir Path dir) {
    assertThatThrownBy(() -> SchemaFreezer.freeze(dir, "nope-value", OptionalInt.of(901)))
        .hasMessageContaining("no catalogue topic");
  }

  private static void writeV1(Path dir, Schema v1) throws IOException {
    Files.createDirectories(dir.resolve(CALLBACKS));
    Files.writeString(
        dir.resolve(CALLBACKS + "/v1.avsc"), SchemaFormatter.format("json/pretty", v1));
    new Manifest(
            "test",
            List.of(
                new Manifest.Subject(
                    CALLBACKS, List.of(new Manifest.Version(1, 101, CALLBACKS + "/v1.avsc")))))
        .write(dir.resolve("manifest.json"));
  }
}
