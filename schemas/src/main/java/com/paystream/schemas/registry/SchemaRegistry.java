package com.paystream.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * What the serde and the tooling need from a Confluent-style schema registry: schemas by id, and
 * subjects with numbered versions. Read-only on purpose: this suite never auto-registers schemas;
 * new versions are frozen in the {@code schemas} module and reviewed like code.
 *
 * <p>Definitive "no such thing" answers throw {@link SchemaNotFoundException}; a registry that
 * cannot be asked right now throws {@link SchemaRegistryUnavailableException}, so callers can tell
 * a poison record from an outage.
 */
public interface SchemaRegistry {

  /**
   * The version under {@code subject} that holds {@code schema}: a version with the identical JSON
   * form if there is one, otherwise the newest version with the same Parsing Canonical Form (it
   * encodes and decodes the same bytes; only docs, defaults, aliases or logical types differ).
   *
   * @throws SchemaNotFoundException if the subject does not exist or holds no such schema
   */
  RegisteredSchema lookup(String subject, Schema schema);

  /**
   * The id under which {@code schema} is registered for {@code subject}: what a serializer writes
   * into the Confluent header. Never registers anything.
   *
   * @throws SchemaNotFoundException if the schema is not registered under the subject
   */
  default int idFor(String subject, Schema schema) {
    return lookup(subject, schema).id();
  }

  /**
   * The schema registered under {@code id}.
   *
   * @throws SchemaNotFoundException if no schema has that id
   */
  Schema byId(int id);

  /** All subjects, sorted. */
  List<String> subjects();

  /**
   * The version numbers of {@code subject}, ascending.
   *
   * @throws SchemaNotFoundException if the subject does not exist
   */
  List<Integer> versions(String subject);

  /**
   * One version of a subject.
   *
   * @throws SchemaNotFoundException if the subject or the version does not exist
   */
  RegisteredSchema version(String subject, int version);

  /**
   * The newest version of a subject.
   *
   * @throws SchemaNotFoundException if the subject does not exist
   */
  RegisteredSchema latest(String subject);
}
