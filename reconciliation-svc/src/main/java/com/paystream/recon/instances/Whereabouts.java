package com.paystream.recon.instances;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Where the one thing an act changes is held, when only its holder may carry the act out (a break
 * is resolved by the instance whose stores hold its legs): whether this instance holds it now, and
 * the GET that the other instances answer with a non-empty list when they do ({@code scope=local}
 * is added).
 */
public record Whereabouts(BooleanSupplier heldHere, String probePath) {

  public Whereabouts {
    Objects.requireNonNull(heldHere, "heldHere");
    Objects.requireNonNull(probePath, "probePath");
    if (!probePath.startsWith("/") || probePath.contains("?")) {
      throw new IllegalArgumentException("a path without query: " + probePath);
    }
  }
}
