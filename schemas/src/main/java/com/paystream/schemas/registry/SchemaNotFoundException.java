package com.paystream.schemas.registry;

import java.util.Objects;

/**
 * The registry answered definitively that a subject, version or schema does not exist. Carries the
 * Confluent error code, so the HTTP adapter and the REST client speak the same language.
 */
public class SchemaNotFoundException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  /** What was not found, with the Confluent Schema Registry error code for it. */
  public enum Kind {
    SUBJECT(40401, "Subject not found"),
    VERSION(40402, "Version not found"),
    SCHEMA(40403, "Schema not found");

    private final int errorCode;
    private final String title;

    Kind(int errorCode, String title) {
      this.errorCode = errorCode;
      this.title = title;
    }

    public int errorCode() {
      return errorCode;
    }

    /** Confluent's short message for this code, e.g. "Schema not found". */
    public String title() {
      return title;
    }

    /** The kind for a Confluent error code, or null when the code is not a "not found" one. */
    public static Kind ofErrorCode(int errorCode) {
      for (Kind kind : values()) {
        if (kind.errorCode == errorCode) {
          return kind;
        }
      }
      return null;
    }
  }

  private final Kind kind;

  public SchemaNotFoundException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }

  public int errorCode() {
    return kind.errorCode();
  }

  public static SchemaNotFoundException subject(String subject) {
    return new SchemaNotFoundException(Kind.SUBJECT, "Subject '" + subject + "' not found.");
  }

  public static SchemaNotFoundException version(String subject, int version) {
    return new SchemaNotFoundException(
        Kind.VERSION, "Version " + version + " of subject '" + subject + "' not found.");
  }

  public static SchemaNotFoundException id(int id) {
    return new SchemaNotFoundException(Kind.SCHEMA, "Schema id " + id + " not found.");
  }
}
