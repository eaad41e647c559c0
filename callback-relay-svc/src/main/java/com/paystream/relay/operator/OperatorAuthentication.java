package com.paystream.relay.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the operator a bearer token belongs to. The presented token is hashed and compared with
 * every configured hash in constant time ({@link MessageDigest#isEqual}), without stopping at the
 * first match, so the answer time says nothing about which hash or how much of it matched.
 */
public final class OperatorAuthentication {

  private static final String BEARER = "Bearer ";

  private final List<OperatorApiProperties.Operator> operators;
  private final List<byte[]> hashes;

  public OperatorAuthentication(OperatorApiProperties properties) {
    this.operators = properties.operators();
    this.hashes = operators.stream().map(OperatorApiProperties.Operator::hash).toList();
  }

  /** The operator's name for an {@code Authorization} header value, if it holds a known token. */
  public Optional<String> operatorFor(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    if (token.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    String found = null;
    for (int i = 0; i < hashes.size(); i++) {
      if (MessageDigest.isEqual(presented, hashes.get(i)) && found == null) {
        found = operators.get(i).name();
      }
    }
    return Optional.ofNullable(found);
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
