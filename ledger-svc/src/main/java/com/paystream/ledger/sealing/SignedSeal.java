package com.paystream.ledger.sealing;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/** A day seal with its Ed25519 signature, the id of the key that made it, and when. */
public record SignedSeal(DaySeal seal, byte[] signature, String keyId, Instant sealedAt) {

  public SignedSeal {
    Objects.requireNonNull(seal, "seal");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(sealedAt, "sealedAt");
  }

  public String signatureBase64() {
    return Base64.getEncoder().encodeToString(signature);
  }
}
