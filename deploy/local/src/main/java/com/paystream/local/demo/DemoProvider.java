package com.paystream.local.demo;

/**
 * The payment provider the local stack's gateway trusts out of the box. The secret is published
 * here on purpose: it only exists to let a developer sign test callbacks against their own machine.
 */
public final class DemoProvider {

  public static final String NAME = "simulator";

  /** {@code whsec_} + base64 of the 32-byte key {@code paystream-local-stack-demo-key-1}. */
  public static final String WEBHOOK_SECRET = "whsec_cGF5c3RyZWFtLWxvY2FsLXN0YWNrLWRlbW8ta2V5LTE=";

  public static final String MERCHANT_ID = "m-demo";

  /** The relay's operator API in the local stack: {@code Authorization: Bearer <this>}. */
  public static final String OPERATOR_TOKEN = "paystream-local-operator";

  /** SHA-256 (hex) of {@link #OPERATOR_TOKEN}: what the relay's configuration holds. */
  public static final String OPERATOR_TOKEN_SHA256 =
      "264699e8fc3c3a017a6d9fdb4ef47c5a2d4736d05ab5e9f3d4a31a76f42f5c34";

  private DemoProvider() {}
}
