package com.paystream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The notions of "same schema" the registry code uses. The identical JSON form is what a Confluent
 * registry compares on lookup; the Parsing Canonical Form is what decides whether two schemas
 * encode the same bytes (docs, defaults, aliases and logical types are dropped); the same contract
 * is the JSON form without docs, what decides whether a change needs a new frozen version (a
 * default is part of the contract although it changes no byte: readers fall back on it).
 */
public final class SchemaForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaForms() {}

  /** Same JSON form, docs and all: what a Confluent registry treats as the same schema. */
  public static boolean identical(Schema a, Schema b) {
    return a.toString().equals(b.toString());
  }

  /** Same Parsing Canonical Form: a writer of one and a reader of the other see the same bytes. */
  public static boolean sameCanonicalForm(Schema a, Schema b) {
    return fingerprint(a) == fingerprint(b);
  }

  /**
   * Same JSON form once every {@code doc} is left out: same names, types, defaults (of fields and
   * of enums), aliases, logical types and properties. Only a doc change keeps the contract.
   */
  public static boolean sameContract(Schema a, Schema b) {
    return withoutDocs(a).equals(withoutDocs(b));
  }

  private static JsonNode withoutDocs(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      removeDocs(tree);
      return tree;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Avro printed a schema Jackson cannot read", e);
    }
  }

  private static void removeDocs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("doc");
    }
    node.forEach(SchemaForms::removeDocs);
  }

  /** The 64-bit Rabin fingerprint of the Parsing Canonical Form (Avro's own schema fingerprint). */
  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** The fingerprint as 16 hex digits, for messages. */
  public static String fingerprintHex(Schema schema) {
    return String.format("%016x", fingerprint(schema));
  }

  /**
   * The version among {@code versions} that holds {@code schema}: identical form first, then the
   * newest with the same canonical form (see {@link SchemaRegistry#lookup}).
   */
  public static Optional<RegisteredSchema> match(List<RegisteredSchema> versions, Schema schema) {
    Comparator<RegisteredSchema> newestFirst =
        Comparator.comparingInt(RegisteredSchema::version).reversed();
    Optional<RegisteredSchema> identical =
        versions.stream()
            .filter(v -> identical(v.schema(), schema))
            .sorted(newestFirst)
            .findFirst();
    if (identical.isPresent()) {
      return identical;
    }
    long fingerprint = fingerprint(schema);
    return versions.stream()
        .filter(v -> fingerprint(v.schema()) == fingerprint)
        .sorted(newestFirst)
        .findFirst();
  }
}
