package com.paystream.ledger.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Ed25519 keys of the day seals: the private key that signs (held by the service from its
 * configuration, never by the database) and the public keys that verify, by key id. A key id is
 * {@code ed25519:} and the first 16 hex digits of SHA-256 over the public key's X.509 encoding, so
 * old seals stay verifiable after a rotation as long as their public key stays configured.
 *
 * <p>Keys are read as PEM ({@code -----BEGIN PRIVATE KEY-----} PKCS#8, {@code -----BEGIN PUBLIC
 * KEY-----} X.509) or as the bare base64 of the same DER bytes. Nothing here ever prints a private
 * key; {@link #toString()} names the key ids only.
 */
public final class SealKeys {

  public static final String ALGORITHM = "Ed25519";

  private final PrivateKey signingKey;
  private final String signingKeyId;
  private final Map<String, PublicKey> verifying;

  private SealKeys(PrivateKey signingKey, String signingKeyId, Map<String, PublicKey> verifying) {
    this.signingKey = signingKey;
    this.signingKeyId = signingKeyId;
    this.verifying = Map.copyOf(verifying);
  }

  /**
   * Keys from configuration: the private key (may be null: then this instance only verifies) and
   * the public keys. The signing key's public key must be one of them, else its seals could never
   * be verified: refused.
   */
  public static SealKeys of(String privateKey, List<String> publicKeys) {
    Map<String, PublicKey> verifying = new LinkedHashMap<>();
    for (String text : publicKeys) {
      if (text != null && !text.isBlank()) {
        PublicKey key = parsePublic(text);
        verifying.put(keyId(key), key);
      }
    }
    if (privateKey == null || privateKey.isBlank()) {
      return new SealKeys(null, null, verifying);
    }
    PrivateKey signing = parsePrivate(privateKey);
    byte[] probe = "paystream seal key probe".getBytes(StandardCharsets.UTF_8);
    byte[] signature = sign(signing, probe);
    String id =
        verifying.entrySet().stream()
            .filter(e -> verify(e.getValue(), probe, signature))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "paystream.ledger.seal.public-keys does not hold the public key of the"
                            + " seal's signing key; its seals could never be verified"));
    return new SealKeys(signing, id, verifying);
  }

  /** A fresh key pair, for a ledger started without keys (tests, a first local run). */
  public static SealKeys generated() {
    KeyPair pair = generatePair();
    return new SealKeys(
        pair.getPrivate(),
        keyId(pair.getPublic()),
        Map.of(keyId(pair.getPublic()), pair.getPublic()));
  }

  /** A new Ed25519 key pair. */
  public static KeyPair generatePair() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  public boolean canSign() {
    return signingKey != null;
  }

  public String signingKeyId() {
    if (signingKey == null) {
      throw new IllegalStateException("no seal signing key is configured");
    }
    return signingKeyId;
  }

  /** The Ed25519 signature of {@code message} with the signing key. */
  public byte[] sign(byte[] message) {
    if (signingKey == null) {
      throw new IllegalStateException("no seal signing key is configured");
    }
    return sign(signingKey, message);
  }

  /** Whether {@code signature} is the signature of {@code message} by the key {@code keyId}. */
  public boolean verify(String keyId, byte[] message, byte[] signature) {
    PublicKey key = verifying.get(keyId);
    return key != null && signature != null && verify(key, message, signature);
  }

  public boolean knows(String keyId) {
    return verifying.containsKey(keyId);
  }

  public Optional<PublicKey> publicKey(String keyId) {
    return Optional.ofNullable(verifying.get(keyId));
  }

  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static PrivateKey parsePrivate(String text) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The message never carries the key text.
      throw new IllegalArgumentException("the seal private key is not a PKCS#8 Ed25519 key");
    }
  }

  public static PublicKey parsePublic(String text) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("a seal public key is not an X.509 Ed25519 key", e);
    }
  }

  /** PEM text of a key ({@code PRIVATE KEY} PKCS#8 or {@code PUBLIC KEY} X.509). */
  public static String pem(java.security.Key key) {
    String label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] der(String text, String label) {
    String body =
        text.replace("-----BEGIN " + label + "-----", "")
            .replace("-----END " + label + "-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing the seal failed", e);
    }
  }

  private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SealKeys[signing=" + signingKeyId + ", verifying=" + verifying.keySet() + "]";
  }
}
