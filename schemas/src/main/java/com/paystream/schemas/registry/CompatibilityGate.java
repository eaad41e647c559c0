package com.paystream.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks frozen schema versions the way a registry would in {@code BACKWARD_TRANSITIVE} mode, or in
 * {@code FULL_TRANSITIVE} mode for the subjects of public topics, and checks that the generated
 * classes match what is frozen. Run by the build (see {@code CompatibilityGateBuildTest}) so that
 * an incompatible or unfrozen change fails {@code mvn test}, long before a consumer meets a record
 * it cannot read.
 *
 * <p>For every subject: each version must read data written with every earlier version (backward);
 * the current (generated) schema must be the same contract as the newest frozen version (same JSON
 * form without docs, see {@link SchemaForms#sameContract}: a default changed without a new version
 * is caught, although the canonical form drops defaults); and the current schema must read every
 * frozen version.
 *
 * <p>For a FULL subject, in addition: every enum of the current schema has a default, so that a
 * symbol added later reads as that default in older readers instead of failing them; and from the
 * subject's <em>full baseline</em> on (its first version whose enums all have a default) every
 * version has such defaults and can also be read by every earlier version (forward). Versions
 * before the baseline were frozen when the gate checked backward only; readers on them cannot be
 * helped after the fact, so they are checked backward only.
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

  /** {@link #check(SchemaRegistry, Map, Set)} with every subject checked backward only. */
  public static List<Violation> check(SchemaRegistry frozen, Map<String, Schema> currentBySubject) {
    return check(frozen, currentBySubject, Set.of());
  }

  /**
   * All violations of the rules above.
   *
   * @param frozen the registry holding the frozen versions (the pinned manifest, or a live one)
   * @param currentBySubject the schema each subject has now, i.e. of the generated classes
   * @param fullSubjects the subjects checked FULL_TRANSITIVE (the public topics'); the others are
   *     checked BACKWARD_TRANSITIVE
   */
  public static List<Violation> check(
      SchemaRegistry frozen, Map<String, Schema> currentBySubject, Set<String> fullSubjects) {
    List<Violation> violations = new ArrayList<>();
    for (String subject : frozen.subjects()) {
      violations.addAll(checkHistory(frozen, subject, fullSubjects.contains(subject)));
    }
    for (Map.Entry<String, Schema> current : new TreeMap<>(currentBySubject).entrySet()) {
      String subject = current.getKey();
      violations.addAll(
          checkCurrent(frozen, subject, current.getValue(), fullSubjects.contains(subject)));
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

  /** The full names of the enums in {@code schema} (nested ones too) that have no default. */
  public static List<String> enumsWithoutDefault(Schema schema) {
    List<String> missing = new ArrayList<>();
    collectEnumsWithoutDefault(schema, new java.util.HashSet<>(), missing);
    return missing;
  }

  private static void collectEnumsWithoutDefault(
      Schema schema, Set<String> seen, List<String> missing) {
    switch (schema.getType()) {
      case ENUM -> {
        if (seen.add(schema.getFullName()) && schema.getEnumDefault() == null) {
          missing.add(schema.getFullName());
        }
      }
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(f -> collectEnumsWithoutDefault(f.schema(), seen, missing));
        }
      }
      case UNION -> schema.getTypes().forEach(t -> collectEnumsWithoutDefault(t, seen, missing));
      case ARRAY -> collectEnumsWithoutDefault(schema.getElementType(), seen, missing);
      case MAP -> collectEnumsWithoutDefault(schema.getValueType(), seen, missing);
      default -> {
        // primitives and fixed have no enums
      }
    }
  }

  private static List<Violation> checkHistory(SchemaRegistry frozen, String subject, boolean full) {
    List<RegisteredSchema> versions =
        frozen.versions(subject).stream().map(v -> frozen.version(subject, v)).toList();
    List<Violation> violations = new ArrayList<>();
    int baseline = full ? fullBaseline(versions) : versions.size();
    for (int newer = 1; newer < versions.size(); newer++) {
      for (int older = 0; older < newer; older++) {
        RegisteredSchema reader = versions.get(newer);
        RegisteredSchema writer = versions.get(older);
        List<String> problems = incompatibilities(reader.schema(), writer.schema());
        if (!problems.isEmpty()) {
          violations.add(
              new Violation(
                  subject,
                  "v%d (id %d) cannot read data written with v%d (id %d), so it is not %s compatible: %s"
                      .formatted(
                          reader.version(),
                          reader.id(),
                          writer.version(),
                          writer.id(),
                          full ? "FULL_TRANSITIVE" : "BACKWARD_TRANSITIVE",
                          String.join("; ", problems))));
        }
        if (older >= baseline) {
          List<String> forward = incompatibilities(writer.schema(), reader.schema());
          if (!forward.isEmpty()) {
            violations.add(
                new Violation(
                    subject,
                    "v%d (id %d) cannot read data written with v%d (id %d), so v%d is not FULL_TRANSITIVE compatible: %s"
                        .formatted(
                            writer.version(),
                            writer.id(),
                            reader.version(),
                            reader.id(),
                            reader.version(),
                            String.join("; ", forward))));
          }
        }
      }
    }
    for (int i = Math.max(baseline, 0); i < versions.size(); i++) {
      RegisteredSchema version = versions.get(i);
      List<String> missing = enumsWithoutDefault(version.schema());
      if (!missing.isEmpty()) {
        violations.add(
            new Violation(
                subject,
                "v%d (id %d) comes after the full baseline v%d but has enums without a default: %s"
                    .formatted(
                        version.version(),
                        version.id(),
                        versions.get(baseline).version(),
                        missing)));
      }
    }
    return violations;
  }

  /** The index of the first version whose enums all have a default; size when there is none. */
  private static int fullBaseline(List<RegisteredSchema> versions) {
    for (int i = 0; i < versions.size(); i++) {
      if (enumsWithoutDefault(versions.get(i).schema()).isEmpty()) {
        return i;
      }
    }
    return versions.size();
  }

  private static List<Violation> checkCurrent(
      SchemaRegistry frozen, String subject, Schema current, boolean full) {
    List<Violation> violations = new ArrayList<>();
    if (full) {
      List<String> missing = enumsWithoutDefault(current);
      if (!missing.isEmpty()) {
        violations.add(
            new Violation(
                subject,
                ("the generated %s has enums without a default: %s; a reader of this version would"
                        + " fail on any symbol added later. Give each a default symbol (UNKNOWN"
                        + " where there is no natural one)")
                    .formatted(current.getFullName(), missing)));
      }
    }
    if (!frozen.subjects().contains(subject)) {
      violations.add(
          new Violation(
              subject,
              "no version is frozen for %s; freeze v1 (see schemas/README.md)"
                  .formatted(current.getFullName())));
      return violations;
    }
    RegisteredSchema latest = frozen.latest(subject);
    if (!SchemaForms.sameContract(latest.schema(), current)) {
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
