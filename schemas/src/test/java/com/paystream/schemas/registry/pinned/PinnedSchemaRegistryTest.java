package com.paystream.schemas.registry.pinned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaNotFoundException.Kind;
import com.paystream.schemas.statements.StatementLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedSchemaRegistryTest {

  private static final String CALLBACKS = "payments.callbacks.v1-value";
  private final PinnedSchemaRegistry bundled = PinnedSchemaRegistry.bundled();

  @Test
  void bundledRegistryHoldsV1OfEverySubjectInItsIdBlock() {
    assertThat(bundled.subjects())
        .containsExactly(
            "audit.events.v1-value",
            "bank.statements.v1-value",
            "ledger.cashflow.v1-value",
            "ledger.entries.v1-value",
            "ledger.seals.v1-value",
            "payments.callbacks.dlt.v1-value",
            "payments.callbacks.v1-value",
            "payments.commands.v1-value",
            "recon.reports.v1-value",
            "recon.results.v1-value",
            "recon.settlements.v1-value");
    assertThat(bundled.version(CALLBACKS, 1).id()).isEqualTo(101);
    assertThat(bundled.version("payments.commands.v1-value", 1).id()).isEqualTo(201);
    assertThat(bundled.version("payments.callbacks.dlt.v1-value", 1).id()).isEqualTo(301);
    assertThat(bundled.version("ledger.entries.v1-value", 1).id()).isEqualTo(401);
    assertThat(bundled.version("ledger.cashflow.v1-value", 1).id()).isEqualTo(501);
    assertThat(bundled.version("bank.statements.v1-value", 1).id()).isEqualTo(601);
    assertThat(bundled.version("recon.results.v1-value", 1).id()).isEqualTo(701);
    assertThat(bundled.version("recon.reports.v1-value", 1).id()).isEqualTo(801);
    assertThat(bundled.version("audit.events.v1-value", 1).id()).isEqualTo(901);
    assertThat(bundled.version("ledger.seals.v1-value", 1).id()).isEqualTo(1001);
    assertThat(bundled.version("recon.settlements.v1-value", 1).id()).isEqualTo(1101);
  }

  @Test
  void schemaByIdIsTheFrozenVersion() {
    assertThat(bundled.byId(601).getFullName())
        .isEqualTo("com.paystream.schemas.statements.StatementLine");
    assertThat(bundled.byId(604)).isEqualTo(StatementLine.getClassSchema());
    assertThat(bundled.byId(705)).isEqualTo(ReconResult.getClassSchema());
  }

  @Test
  void versionsAndLatest() {
    assertThat(bundled.versions(CALLBACKS)).containsExactly(1, 2);
    assertThat(bundled.latest(CALLBACKS))
        .isEqualTo(new RegisteredSchema(CALLBACKS, 2, 102, PaymentCallback.getClassSchema()));
  }

  @Test
  void lookupFindsTheIdOfTheGeneratedClassSchema() {
    assertThat(bundled.idFor(CALLBACKS, PaymentCallback.getClassSchema())).isEqualTo(102);
  }

  @Test
  void lookupFallsBackToTheCanonicalFormWhenOnlyDocsDiffer() {
    Schema redocumented = SchemaVariants.withDoc(PaymentCallback.getClassSchema(), "other words");

    assertThat(bundled.idFor(CALLBACKS, redocumented)).isEqualTo(102);
  }

  @Test
  void lookupPrefersTheIdenticalVersionOverANewerOneWithTheSameCanonicalForm() {
    Schema v1 = PaymentCallback.getClassSchema();
    Schema v2 = SchemaVariants.withDoc(v1, "same bytes, other doc");
    PinnedSchemaRegistry registry =
        PinnedSchemaRegistry.of(
            List.of(
                new RegisteredSchema(CALLBACKS, 1, 101, v1),
                new RegisteredSchema(CALLBACKS, 2, 102, v2)));

    assertThat(registry.idFor(CALLBACKS, v1)).isEqualTo(101);
    assertThat(registry.idFor(CALLBACKS, SchemaVariants.withDoc(v1, "a third doc"))).isEqualTo(102);
  }

  @Test
  void notFoundAnswersCarryTheConfluentErrorCodes() {
    assertNotFound(() -> bundled.byId(999), Kind.SCHEMA, 40403);
    assertNotFound(() -> bundled.versions("nope-value"), Kind.SUBJECT, 40401);
    assertNotFound(() -> bundled.latest("nope-value"), Kind.SUBJECT, 40401);
    assertNotFound(() -> bundled.version(CALLBACKS, 9), Kind.VERSION, 40402);
    assertNotFound(() -> bundled.version("nope-value", 1), Kind.SUBJECT, 40401);
    assertNotFound(
        () -> bundled.lookup(CALLBACKS, StatementLine.getClassSchema()), Kind.SCHEMA, 40403);
  }

  @Test
  void reusedIdIsRejected() {
    Schema schema = PaymentCallback.getClassSchema();

    assertThatThrownBy(
            () ->
                PinnedSchemaRegistry.of(
                    List.of(
                        new RegisteredSchema(CALLBACKS, 1, 101, schema),
                        new RegisteredSchema("other-value", 1, 101, schema))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema id 101 is used by both");
  }

  @Test
  void gapInVersionsIsRejected() {
    Schema schema = PaymentCallback.getClassSchema();

    assertThatThrownBy(
            () ->
                PinnedSchemaRegistry.of(
                    List.of(
                        new RegisteredSchema(CALLBACKS, 1, 101, schema),
                        new RegisteredSchema(CALLBACKS, 3, 103, schema))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("versions 1..2 without gaps");
  }

  @Test
  void manifestListingAMissingFileFailsAtLoadNamingIt(@TempDir Path dir) throws IOException {
    new Manifest(
            "test",
            List.of(
                new Manifest.Subject(
                    CALLBACKS, List.of(new Manifest.Version(1, 101, "callbacks/v1.avsc")))))
        .write(dir.resolve(PinnedSchemaRegistry.MANIFEST_FILE));

    assertThatThrownBy(() -> PinnedSchemaRegistry.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("callbacks/v1.avsc");
  }

  @Test
  void versionFileThatIsNotSelfContainedFailsAtLoad(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("callbacks"));
    Files.writeString(
        dir.resolve("callbacks/v1.avsc"),
        "{\"type\":\"record\",\"name\":\"X\",\"fields\":"
            + "[{\"name\":\"e\",\"type\":\"com.paystream.schemas.common.Envelope\"}]}");
    new Manifest(
            "test",
            List.of(
                new Manifest.Subject(
                    CALLBACKS, List.of(new Manifest.Version(1, 101, "callbacks/v1.avsc")))))
        .write(dir.resolve(PinnedSchemaRegistry.MANIFEST_FILE));

    assertThatThrownBy(() -> PinnedSchemaRegistry.load(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a valid, self-contained Avro schema")
        .hasMessageContaining("Undefined schema: com.paystream.schemas.common.Envelope");
  }

  @Test
  void unknownManifestPropertyIsAnError(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve(PinnedSchemaRegistry.MANIFEST_FILE),
        "{\"about\":\"x\",\"subjects\":[],\"subjcts\":[]}");

    assertThatThrownBy(() -> PinnedSchemaRegistry.load(dir)).hasMessageContaining("subjcts");
  }

  private static void assertNotFound(Runnable call, Kind kind, int errorCode) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            SchemaNotFoundException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.errorCode()).isEqualTo(errorCode);
            });
  }
}
