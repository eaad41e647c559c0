package com.paystream.schemas.registry.pinned;

import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaForms;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A registry whose content is fixed at build time: the versions listed in a {@link Manifest}, each
 * with the id it will always have. Immutable and thread-safe; everything is loaded and validated up
 * front, so a broken manifest fails at startup, not at the first record.
 */
public final class PinnedSchemaRegistry implements SchemaRegistry {

  /** Classpath folder of the bundled registry; version files are relative to it. */
  public static final String RESOURCE_ROOT = "registry/";

  public static final String MANIFEST_FILE = "manifest.json";

  private final Map<String, List<RegisteredSchema>> bySubject;
  private final Map<Integer, RegisteredSchema> byId;

  private PinnedSchemaRegistry(
      Map<String, List<RegisteredSchema>> bySubject, Map<Integer, RegisteredSchema> byId) {
    this.bySubject = bySubject;
    this.byId = byId;
  }

  /** The registry frozen in this module ({@code registry/manifest.json} on the classpath). */
  public static PinnedSchemaRegistry bundled() {
    return Bundled.INSTANCE;
  }

  /** Loads a registry from a folder holding {@code manifest.json} and the version files. */
  public static PinnedSchemaRegistry load(Path directory) {
    Path manifestFile = directory.resolve(MANIFEST_FILE);
    try (InputStream in = Files.newInputStream(manifestFile)) {
      Manifest manifest = Manifest.read(in);
      return fromManifest(
          manifest, file -> Files.readString(directory.resolve(file)), manifestFile.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifestFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * A registry holding exactly {@code versions}. Checks that each subject's versions run 1, 2, 3...
   * and that no id is used twice.
   */
  public static PinnedSchemaRegistry of(Collection<RegisteredSchema> versions) {
    Map<String, List<RegisteredSchema>> bySubject = new TreeMap<>();
    Map<Integer, RegisteredSchema> byId = new HashMap<>();
    for (RegisteredSchema version : versions) {
      RegisteredSchema clash = byId.putIfAbsent(version.id(), version);
      if (clash != null) {
        throw new IllegalArgumentException(
            "schema id " + version.id() + " is used by both " + clash + " and " + version);
      }
      bySubject.computeIfAbsent(version.subject(), s -> new ArrayList<>()).add(version);
    }
    bySubject.replaceAll((subject, list) -> sortedConsecutive(subject, list));
    return new PinnedSchemaRegistry(bySubject, byId);
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    return SchemaForms.match(versionsOf(subject), schema)
        .orElseThrow(
            () ->
                new SchemaNotFoundException(
                    SchemaNotFoundException.Kind.SCHEMA,
                    "Schema %s (fingerprint %s) is not registered under subject '%s'."
                        .formatted(
                            schema.getFullName(), SchemaForms.fingerprintHex(schema), subject)));
  }

  @Override
  public Schema byId(int id) {
    RegisteredSchema found = byId.get(id);
    if (found == null) {
      throw SchemaNotFoundException.id(id);
    }
    return found.schema();
  }

  @Override
  public List<String> subjects() {
    return List.copyOf(bySubject.keySet());
  }

  @Override
  public List<Integer> versions(String subject) {
    return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    List<RegisteredSchema> versions = versionsOf(subject);
    if (version < 1 || version > versions.size()) {
      throw SchemaNotFoundException.version(subject, version);
    }
    return versions.get(version - 1);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    List<RegisteredSchema> versions = versionsOf(subject);
    return versions.get(versions.size() - 1);
  }

  private List<RegisteredSchema> versionsOf(String subject) {
    List<RegisteredSchema> versions = bySubject.get(subject);
    if (versions == null) {
      throw SchemaNotFoundException.subject(subject);
    }
    return versions;
  }

  private static List<RegisteredSchema> sortedConsecutive(
      String subject, List<RegisteredSchema> versions) {
    List<RegisteredSchema> sorted =
        versions.stream().sorted(Comparator.comparingInt(RegisteredSchema::version)).toList();
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i).version() != i + 1) {
        throw new IllegalArgumentException(
            "subject '%s' must have versions 1..%d without gaps or repeats, found %s"
                .formatted(
                    subject,
                    sorted.size(),
                    sorted.stream().map(RegisteredSchema::version).toList()));
      }
    }
    return sorted;
  }

  /** Reads the file of one version; relative to the manifest. */
  @FunctionalInterface
  interface VersionFiles {
    String read(String file) throws IOException;
  }

  static PinnedSchemaRegistry fromManifest(Manifest manifest, VersionFiles files, String where) {
    List<RegisteredSchema> versions = new ArrayList<>();
    for (Manifest.Subject subject : manifest.subjects()) {
      for (Manifest.Version version : subject.versions()) {
        versions.add(
            new RegisteredSchema(
                subject.subject(),
                version.version(),
                version.id(),
                parse(files, version.file(), where)));
      }
    }
    try {
      return of(versions);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "invalid schema manifest " + where + ": " + e.getMessage(), e);
    }
  }

  private static Schema parse(VersionFiles files, String file, String where) {
    try {
      // A fresh parser per file: each version file must be self-contained (named types inlined).
      return new Schema.Parser().parse(files.read(file));
    } catch (IOException e) {
      throw new IllegalStateException(
          "schema manifest " + where + " lists " + file + ", which cannot be read", e);
    } catch (RuntimeException e) {
      // SchemaParseException, AvroTypeException for a named type defined in another file, or
      // (Avro 1.12) a NullPointerException for some unknown type names.
      throw new IllegalStateException(
          "schema manifest %s lists %s, which is not a valid, self-contained Avro schema: %s"
              .formatted(where, file, e.getMessage()),
          e);
    }
  }

  private static final class Bundled {
    static final PinnedSchemaRegistry INSTANCE = loadFromClasspath();

    private static PinnedSchemaRegistry loadFromClasspath() {
      String where = "classpath:" + RESOURCE_ROOT + MANIFEST_FILE;
      try (InputStream in = open(MANIFEST_FILE, where)) {
        return fromManifest(Manifest.read(in), file -> readResource(file, where), where);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
      }
    }

    private static String readResource(String file, String where) throws IOException {
      try (InputStream in = open(file, where)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    private static InputStream open(String file, String where) throws IOException {
      InputStream in =
          PinnedSchemaRegistry.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file);
      if (in == null) {
        throw new IOException(
            RESOURCE_ROOT + file + " is not on the classpath (from " + where + ")");
      }
      return in;
    }
  }
}
