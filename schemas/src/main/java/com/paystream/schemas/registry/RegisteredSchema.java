package com.paystream.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject: the schema and the global id it is registered under. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    if (id < 1) {
      throw new IllegalArgumentException("schema id must be >= 1, was " + id);
    }
  }

  @Override
  public String toString() {
    return subject + " v" + version + " (id " + id + ")";
  }
}
