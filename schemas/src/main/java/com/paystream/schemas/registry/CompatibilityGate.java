package com.paystream.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks frozen schema versions the way a registry in {@code BACKWARD_TRANSITIVE} mode would, and
 * checks that the generated classes match what is frozen. Run by the build (see {@code
 * CompatibilityGateBuildTest}) so that an incompatible or unfrozen change fails {@code mvn test},
 * long before a consumer meets a record it cannot read.
 *
 * <p>For every subject: each version must read data written with every earlier version; the current
 * (generated) schema must have the same canonical form as the newest frozen version; and the
 * current schema must read every frozen version (that catches a default removed from the .avsc
 * without a new version, which the canonical form does not see).
 */
public final class CompatibilityGate {

  /** One broken rule, with a message a developer can act on. */
  public record Violation(String subject, String message) {
    @Override
    public String toString() {
      return subject + ": " + message;
    }
  }

  private CompatibilityGate() {}

  /**
   * All violations of the rules above.
   *
   * @param frozen the registry holding the frozen versions (the pinned manifest, or a live one)
   * @param currentBySubject the schema each subject has now, i.e. of the generated classes
   */
  public static List<Violation> check(SchemaRegistry frozen, Map<String, Schema> currentBySubject) {
    List<Violation> violations = new ArrayList<>();
    for (String subject : frozen.subjects()) {
      violations.addAll(checkHistory(frozen, subject));
    }
    for (Map.Entry<String, Schema> current : new TreeMap<>(currentBySubject).entrySet()) {
      violations.addAll(checkCurrent(frozen, current.getKey(), current.getValue()));
    }
    return violations;
  }

  /**
   * Why {@code reader} cannot read data written with {@code writer}; empty when it can. Each entry
   * names the Avro incompatibility type, where it is and what is wrong.
   */
  public static List<String> incompatibilities(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      problems.add(
          incompatibility.getType()
              + " at "
              + incompatibility.getLocation()
              + ": "
              + incompatibility.getMessage());
    }
    return problems;
  }

  private static List<Violation> checkHistory(SchemaRegistry frozen, String subject) {
    List<RegisteredSchema> versions =
        frozen.versions(subject).stream().map(v -> frozen.version(subject, v)).toList();
    List<Violation> violations = new ArrayList<>();
    for (int newer = 1; newer < versions.size(); newer++) {
      for (int older = 0; older < newer; older++) {
        RegisteredSchema reader = versions.get(newer);
        RegisteredSchema writer = versions.get(older);
        List<String> problems = incompatibilities(reader.schema(), writer.schema());
        if (!problems.isEmpty()) {
          violations.add(
              new Violation(
                  subject,
                  "v%d (id %d) cannot read data written with v%d (id %d), so it is not BACKWARD_TRANSITIVE compatible: %s"
                      .formatted(
                          reader.version(),
                          reader.id(),
                          writer.version(),
                          writer.id(),
                          String.join("; ", problems))));
        }
      }
    }
    return violations;
  }

  private static List<Violation> checkCurrent(
      SchemaRegistry frozen, String subject, Schema current) {
    if (!frozen.subjects().contains(subject)) {
      return List.of(
          new Violation(
              subject,
              "no version is frozen for %s; freeze v1 (see schemas/README.md)"
                  .formatted(current.getFullName())));
    }
    List<Violation> violations = new ArrayList<>();
    RegisteredSchema latest = frozen.latest(subject);
    if (!SchemaForms.sameCanonicalForm(latest.schema(), current)) {
      violations.add(
          new Violation(
              subject,
              ("the generated %s (fingerprint %s) differs from the newest frozen version v%d (id %d,"
                      + " fingerprint %s): the .avsc changed without freezing a new version; freeze"
                      + " it as v%d with a new id (see schemas/README.md)")
                  .formatted(
                      current.getFullName(),
                      SchemaForms.fingerprintHex(current),
                      latest.version(),
                      latest.id(),
                      SchemaForms.fingerprintHex(latest.schema()),
                      latest.version() + 1)));
    }
    for (int version : frozen.versions(subject)) {
      RegisteredSchema writer = frozen.version(subject, version);
      List<String> problems = incompatibilities(current, writer.schema());
      if (!problems.isEmpty()) {
        violations.add(
            new Violation(
                subject,
                "the generated %s cannot read data written with v%d (id %d): %s"
                    .formatted(
                        current.getFullName(),
                        writer.version(),
                        writer.id(),
                        String.join("; ", problems))));
      }
    }
    return violations;
  }
}
