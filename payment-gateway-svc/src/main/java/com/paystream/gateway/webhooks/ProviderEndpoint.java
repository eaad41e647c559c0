package com.paystream.gateway.webhooks;

import java.util.Objects;
import java.util.regex.Pattern;

/** A configured provider: how it signs, with which keys, and how its payloads read. */
public record ProviderEndpoint(
    String name, SignatureDialect dialect, SigningKeys keys, PayloadParser parser) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public ProviderEndpoint {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "provider name must be 1-32 lower-case letters, digits or '-': " + name);
    }
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(parser, "parser");
  }
}
