package com.paystream.schemas.registry;

/**
 * A schema registry failed to answer in a usable way (bad response, wrong configuration). Neither
 * "not found" ({@link SchemaNotFoundException}) nor "try again" ({@link
 * SchemaRegistryUnavailableException}); usually needs an operator.
 */
public class SchemaRegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
