package com.paystream.security.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * A minimal OIDC provider for tests: an RSA key pair made here, its public JWK set and the OIDC
 * discovery document served over real HTTP on a free port, and access tokens signed with the key.
 */
public final class TestIdentityProvider implements AutoCloseable {

  private static final String KEY_ID = "test-key-1";

  private final HttpServer server;
  private final RSAKey signingKey;
  private final String issuer;

  private TestIdentityProvider(HttpServer server, RSAKey signingKey) {
    this.server = server;
    this.signingKey = signingKey;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/paystream";
  }

  /** Starts a provider on a free port of the loopback interface. */
  public static TestIdentityProvider start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestIdentityProvider provider = new TestIdentityProvider(server, rsaKey(KEY_ID));
      server.createContext("/realms/paystream/jwks", provider::jwks);
      server.createContext(
          "/realms/paystream/.well-known/openid-configuration", provider::discovery);
      server.start();
      return provider;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh RSA key pair with the given key id; not served by any provider. */
  public static RSAKey rsaKey(String keyId) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(keyId)
          .build();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public String jwkSetUri() {
    return issuer + "/jwks";
  }

  /** A token valid for five minutes, with the given claims besides iss, sub, iat, exp. */
  public String token(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    return sign(signingKey, issuer, subject, now, now.plus(Duration.ofMinutes(5)), claims);
  }

  /** A token that expired ten minutes ago (beyond any clock-skew allowance). */
  public String expiredToken(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    return sign(
        signingKey,
        issuer,
        subject,
        now.minus(Duration.ofMinutes(20)),
        now.minus(Duration.ofMinutes(10)),
        claims);
  }

  /** A token otherwise valid but signed by another key under the served key's id. */
  public String tokenSignedByAnotherKey(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    return sign(rsaKey(KEY_ID), issuer, subject, now, now.plus(Duration.ofMinutes(5)), claims);
  }

  /** A token signed by the served key, but naming another issuer. */
  public String tokenOfAnotherIssuer(String subject, Map<String, Object> claims) {
    Instant now = Instant.now();
    return sign(
        signingKey,
        "https://elsewhere.example/realms/x",
        subject,
        now,
        now.plus(Duration.ofMinutes(5)),
        claims);
  }

  private static String sign(
      RSAKey key,
      String issuer,
      String subject,
      Instant issuedAt,
      Instant expiresAt,
      Map<String, Object> claims) {
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt));
    claims.forEach(builder::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            builder.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private void jwks(HttpExchange exchange) throws IOException {
    respond(exchange, new JWKSet(signingKey.toPublicJWK()).toString());
  }

  private void discovery(HttpExchange exchange) throws IOException {
    respond(
        exchange,
        "{\"issuer\":\""
            + issuer
            + "\",\"jwks_uri\":\""
            + jwkSetUri()
            + "\",\"subject_types_supported\":[\"public\"]"
            + ",\"id_token_signing_alg_values_supported\":[\"RS256\"]"
            + ",\"response_types_supported\":[\"code\"]"
            + ",\"authorization_endpoint\":\""
            + issuer
            + "/auth\"}");
  }

  private static void respond(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
