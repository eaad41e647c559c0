package com.paystream.schemas.evolution;

import com.paystream.schemas.registry.CompatibilityGate;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaForms;
import com.paystream.schemas.registry.pinned.Manifest;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;

/**
 * Freezes the current schema of a catalogue subject as its next version: writes the full,
 * self-contained schema of the generated class (pretty JSON, as the deprecated {@code
 * Schema.toString(true)} prints it) to {@code <subject>/v<n>.avsc} and appends it to {@code
 * manifest.json} with its id. Refuses a version the {@link CompatibilityGate} would reject, and
 * does nothing when the newest version is already the same contract (docs aside).
 *
 * <pre>
 * ./mvnw -o -q -pl schemas compile exec:java \
 *   -Dexec.mainClass=com.paystream.schemas.evolution.SchemaFreezer \
 *   -Dexec.args="src/main/resources/registry payments.callbacks.v1-value [id]"
 * </pre>
 */
public final class SchemaFreezer {

  static final String ABOUT =
      "Frozen schema versions with fixed ids; never edit or remove an entry. Add versions with"
          + " com.paystream.schemas.evolution.SchemaFreezer (schemas/README.md). Ids: a block of"
          + " 100 per subject in catalogue order: payments.callbacks.v1-value 101..,"
          + " payments.commands.v1-value 201.., payments.callbacks.dlt.v1-value 301..,"
          + " ledger.entries.v1-value 401.., ledger.cashflow.v1-value 501..,"
          + " bank.statements.v1-value 601.., recon.results.v1-value 701..,"
          + " recon.reports.v1-value 801..; new subjects take the next free block.";

  /** What a call did: the version frozen, or the existing one that already matched. */
  public record Result(RegisteredSchema version, boolean created) {}

  private SchemaFreezer() {}

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SchemaFreezer <registry-dir> <subject> [<id>]");
      System.exit(2);
    }
    OptionalInt id =
        args.length == 3 ? OptionalInt.of(Integer.parseInt(args[2])) : OptionalInt.empty();
    try {
      Result result = freeze(Path.of(args[0]), args[1], id);
      System.out.println(
          (result.created() ? "Froze " : "Nothing to freeze, already frozen: ") + result.version());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("Not frozen: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Freezes the current schema of {@code subject} into the registry folder.
   *
   * @param id the id of the new version; when empty, the newest id of the subject plus one (a new
   *     subject needs an explicit id)
   */
  public static Result freeze(Path registryDir, String subject, OptionalInt id) {
    Schema current = currentSchema(subject);
    Manifest manifest = readManifest(registryDir);
    PinnedSchemaRegistry frozen = PinnedSchemaRegistry.load(registryDir);
    List<RegisteredSchema> versions = versionsOf(frozen, subject);
    if (!versions.isEmpty()) {
      RegisteredSchema latest = versions.get(versions.size() - 1);
      if (SchemaForms.sameContract(latest.schema(), current)) {
        return new Result(latest, false);
      }
    }
    int version = versions.size() + 1;
    int newId = id.orElseGet(() -> nextId(subject, versions));
    requireUnused(frozen, newId);
    requireCompatible(subject, versions, new RegisteredSchema(subject, version, newId, current));
    String file = subject + "/v" + version + ".avsc";
    write(registryDir.resolve(file), SchemaFormatter.format("json/pretty", current) + "\n");
    manifest
        .withVersion(subject, new Manifest.Version(version, newId, file))
        .write(registryDir.resolve(PinnedSchemaRegistry.MANIFEST_FILE));
    return new Result(new RegisteredSchema(subject, version, newId, current), true);
  }

  private static Schema currentSchema(String subject) {
    return Topics.all().stream()
        .filter(topic -> topic.valueSubject().equals(subject))
        .findFirst()
        .map(Topic::valueSchema)
        .orElseThrow(
            () -> new IllegalArgumentException("no catalogue topic has subject '" + subject + "'"));
  }

  private static Manifest readManifest(Path registryDir) {
    Path file = registryDir.resolve(PinnedSchemaRegistry.MANIFEST_FILE);
    if (!Files.exists(file)) {
      Manifest empty = new Manifest(ABOUT, List.of());
      write(file, "");
      empty.write(file); // so that the registry below loads (empty) before the first version
      return empty;
    }
    try (var in = Files.newInputStream(file)) {
      return Manifest.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static List<RegisteredSchema> versionsOf(PinnedSchemaRegistry frozen, String subject) {
    if (!frozen.subjects().contains(subject)) {
      return List.of();
    }
    return frozen.versions(subject).stream().map(v -> frozen.version(subject, v)).toList();
  }

  /**
   * Refuses a version the gate would reject: FULL_TRANSITIVE for the subjects of public topics,
   * BACKWARD_TRANSITIVE for the others (see {@link CompatibilityGate}).
   */
  private static void requireCompatible(
      String subject, List<RegisteredSchema> versions, RegisteredSchema candidate) {
    List<RegisteredSchema> all = new ArrayList<>(versions);
    all.add(candidate);
    boolean full = Topics.publicSubjects().contains(subject);
    List<CompatibilityGate.Violation> violations =
        CompatibilityGate.check(
            PinnedSchemaRegistry.of(all),
            Map.of(subject, candidate.schema()),
            full ? Set.of(subject) : Set.of());
    if (!violations.isEmpty()) {
      throw new IllegalStateException(
          "the new version is not "
              + (full ? "FULL_TRANSITIVE" : "BACKWARD_TRANSITIVE")
              + " compatible: "
              + violations.stream().map(CompatibilityGate.Violation::message).toList());
    }
  }

  private static int nextId(String subject, List<RegisteredSchema> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + subject + "' is a new subject: give its first id (the next free block of 100)");
    }
    int next = versions.get(versions.size() - 1).id() + 1;
    if (next % 100 == 0) {
      throw new IllegalArgumentException(
          "the id block of '" + subject + "' is full: give an id from a new block");
    }
    return next;
  }

  private static void requireUnused(PinnedSchemaRegistry frozen, int id) {
    for (String subject : frozen.subjects()) {
      for (int version : frozen.versions(subject)) {
        if (frozen.version(subject, version).id() == id) {
          throw new IllegalArgumentException(
              "id " + id + " is already " + frozen.version(subject, version));
        }
      }
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
