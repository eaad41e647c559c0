package com.paystream.local.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The payment provider the local stack's gateway trusts out of the box. The secret is published
 * here on purpose: it only exists to let a developer sign test callbacks against their own machine.
 */
public final class DemoProvider {

  public static final String NAME = "simulator";

  /** {@code whsec_} + base64 of the 32-byte key {@code paystream-local-stack-demo-key-1}. */
  public static final String WEBHOOK_SECRET = "whsec_cGF5c3RyZWFtLWxvY2FsLXN0YWNrLWRlbW8ta2V5LTE=";

  public static final String MERCHANT_ID = "m-demo";

  /**
   * The gateway's API key of merchant {@link #MERCHANT_ID}: {@code Authorization: Bearer <this>}.
   */
  public static final String MERCHANT_API_KEY =
      "psk_localDemoMerchant_paystream-local-stack-demo-merchant-key-000";

  /** A merchant the local stack's gateway knows, with its API key. */
  public record Merchant(String id, String apiKey) {}

  /** Every demo merchant; the first is {@link #MERCHANT_ID}. The day scenario sells for all. */
  public static final List<Merchant> MERCHANTS =
      List.of(
          new Merchant(MERCHANT_ID, MERCHANT_API_KEY),
          new Merchant("m-books", "psk_localDemoBooks_paystream-local-stack-demo-books-key-000000"),
          new Merchant(
              "m-travel", "psk_localDemoTravel_paystream-local-stack-demo-travel-key-00000"));

  /** The first operator's API key (corrections, holds, day close, break resolution, redrive). */
  public static final String OPERATOR_API_KEY =
      "psk_localDemoOperator_paystream-local-stack-demo-operator-key-000";

  /** The operator {@link #OPERATOR_API_KEY} belongs to. */
  public static final String OPERATOR_NAME = "local-operator";

  /** The second operator's API key: approves what the first requests (four eyes). */
  public static final String OPERATOR2_API_KEY =
      "psk_localDemoOperator2_paystream-local-stack-demo-operator2-key-00";

  /** The operator {@link #OPERATOR2_API_KEY} belongs to. */
  public static final String OPERATOR2_NAME = "local-operator-2";

  /** The auditor's API key: reads everything, changes nothing. */
  public static final String AUDITOR_API_KEY =
      "psk_localDemoAuditor_paystream-local-stack-demo-auditor-key-0000";

  /** The admin's API key: lists and mints keys. */
  public static final String ADMIN_API_KEY =
      "psk_localDemoAdmin_paystream-local-stack-demo-admin-key-000000";

  /**
   * The ledger's day-seal signing key in the local stack (Ed25519, PKCS#8, base64). Published here
   * on purpose, like the webhook secret: a seal signed with it proves nothing outside this machine.
   * Real deployments pass their own from a secret file.
   */
  public static final String SEAL_PRIVATE_KEY =
      "MC4CAQAwBQYDK2VwBCIEIEQM9u8l9ehicAvb9l++meAZVsCFbbJ3sqQnEkMjiaV3";

  /** The public half of {@link #SEAL_PRIVATE_KEY} (X.509, base64): what verifies the seals. */
  public static final String SEAL_PUBLIC_KEY =
      "MCowBQYDK2VwAyEAI/Ft8qrOPO++/PlOo3zN9Pk2tSGJJKDnR+VRcsMiLQQ=";

  /** A principal of the local stack and its key. */
  public record Principal(String name, String role, String merchantId, String apiKey) {}

  /** Every principal of the local stack: each key works on all four services. */
  public static final List<Principal> PRINCIPALS =
      java.util.stream.Stream.concat(
              MERCHANTS.stream().map(m -> new Principal(m.id(), "MERCHANT", m.id(), m.apiKey())),
              java.util.stream.Stream.of(
                  new Principal(OPERATOR_NAME, "OPERATOR", null, OPERATOR_API_KEY),
                  new Principal(OPERATOR2_NAME, "OPERATOR", null, OPERATOR2_API_KEY),
                  new Principal("local-auditor", "AUDITOR", null, AUDITOR_API_KEY),
                  new Principal("local-admin", "ADMIN", null, ADMIN_API_KEY)))
          .toList();

  private DemoProvider() {}

  /** The key id of an API key token {@code psk_<key id>_<secret>}. */
  public static String keyId(String apiKey) {
    return apiKey.split("_", 3)[1];
  }

  /** SHA-256 (hex) of a token: the only form in which services are configured with it. */
  public static String sha256Hex(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
