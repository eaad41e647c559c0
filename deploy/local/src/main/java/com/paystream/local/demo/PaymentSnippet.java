package com.paystream.local.demo;

/**
 * A bash snippet that creates a payment through the payments API as the demo merchant, pays it at
 * the provider simulator's redirect URL (which makes the provider send its signed webhook), and
 * reads the payment and its journal entry back.
 */
public final class PaymentSnippet {

  private static final String FIELD = "sed -n 's/.*\"%s\":\"\\([^\"]*\\)\".*/\\1/p'";

  private PaymentSnippet() {}

  /**
   * @param gatewayUrl e.g. {@code http://127.0.0.1:8080}
   * @param ledgerUrl e.g. {@code http://127.0.0.1:8082}
   */
  public static String bash(String gatewayUrl, String ledgerUrl) {
    String merchant = "-H 'authorization: Bearer " + DemoProvider.MERCHANT_API_KEY + "'";
    return String.join(
        "\n",
        "PAYMENT=$(curl -sS -X POST " + gatewayUrl + "/v1/payments " + merchant + " \\",
        "  -H \"idempotency-key: order-$(openssl rand -hex 6)\" -H 'content-type: application/json' \\",
        "  -d '{\"amount_minor\":2500,\"currency\":\"EUR\",\"reference\":\"order-42\"}')",
        "echo \"$PAYMENT\"",
        "PAYMENT_ID=$(printf '%s' \"$PAYMENT\" | " + FIELD.formatted("payment_id") + ")",
        "# the customer pays at the provider's redirect_url; the provider sends the signed webhook",
        "curl -sS -X POST \"$(printf '%s' \"$PAYMENT\" | "
            + FIELD.formatted("redirect_url")
            + ")\"",
        "# a moment later: SUCCEEDED at the gateway, and the journal entry in the ledger",
        "curl -s " + gatewayUrl + "/v1/payments/$PAYMENT_ID " + merchant,
        "curl -s " + ledgerUrl + "/v1/payments/$PAYMENT_ID/entries " + merchant,
        "");
  }
}
