package com.paystream.recon.statements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Statement files under {@code src/test/resources/statements}. */
public final class Fixtures {

  private Fixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/statements/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
