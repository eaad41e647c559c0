package com.paystream.schemas.registry;

/**
 * The registry could not be asked right now (connection refused, timeout, 5xx). Transient: retry
 * the record later; never dead-letter it for this reason.
 */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

  private static final long serialVersionUID = 1L;

  public SchemaRegistryUnavailableException(String message) {
    super(message);
  }

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
