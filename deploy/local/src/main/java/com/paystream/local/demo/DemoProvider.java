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

  /** The gateway's operator API key (amendments, supplements, API keys). */
  public static final String OPERATOR_API_KEY =
      "psk_localDemoOperator_paystream-local-stack-demo-operator-key-000";

  /** The operator the local stack's operator keys belong to. */
  public static final String OPERATOR_NAME = "local-operator";

  /** The relay's operator API in the local stack: {@code Authorization: Bearer <this>}. */
  public static final String OPERATOR_TOKEN = "paystream-local-operator";

  /** SHA-256 (hex) of {@link #OPERATOR_TOKEN}: what the relay's configuration holds. */
  public static final String OPERATOR_TOKEN_SHA256 =
      "264699e8fc3c3a017a6d9fdb4ef47c5a2d4736d05ab5e9f3d4a31a76f42f5c34";

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
