package com.paystream.local.demo;

import com.paystream.simulator.StandardWebhookSigner;

/**
 * A bash snippet that sends one signed {@code payment.succeeded} callback to the gateway and reads
 * the resulting journal entry back from the ledger. The ids, the timestamp and the signature are
 * computed when it is pasted, so the snippet never goes stale and every paste is a new payment.
 */
public final class WebhookSnippet {

  private WebhookSnippet() {}

  /**
   * @param gatewayUrl e.g. {@code http://127.0.0.1:8080}
   * @param ledgerUrl e.g. {@code http://127.0.0.1:8082}
   */
  public static String bash(String gatewayUrl, String ledgerUrl, String provider, String secret) {
    String hexKey = StandardWebhookSigner.hexKey(secret);
    return String.join(
        "\n",
        "PAYMENT_ID=\"pay_$(openssl rand -hex 8)\"",
        "WEBHOOK_ID=\"msg_$(openssl rand -hex 12)\"",
        "WEBHOOK_TS=\"$(date +%s)\"",
        "BODY='{\"type\":\"payment.succeeded\",\"timestamp\":\"'\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"'\","
            + "\"data\":{\"payment_id\":\"'\"$PAYMENT_ID\"'\",\"merchant_id\":\""
            + DemoProvider.MERCHANT_ID
            + "\",\"amount_minor\":1999,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\","
            + "\"provider_payment_id\":\"psp_'\"$(openssl rand -hex 8)\"'\"}}'",
        "SIGNATURE=\"v1,$(printf '%s' \"$WEBHOOK_ID.$WEBHOOK_TS.$BODY\""
            + " | openssl dgst -sha256 -mac HMAC -macopt hexkey:"
            + hexKey
            + " -binary | base64)\"",
        "curl -sS -i -X POST " + gatewayUrl + "/v1/webhooks/" + provider + " \\",
        "  -H 'content-type: application/json' \\",
        "  -H \"webhook-id: $WEBHOOK_ID\" \\",
        "  -H \"webhook-timestamp: $WEBHOOK_TS\" \\",
        "  -H \"webhook-signature: $SIGNATURE\" \\",
        "  --data-binary \"$BODY\"",
        "# a moment later, the ledger's journal entry for that payment:",
        "curl -s -H 'authorization: Bearer "
            + DemoProvider.AUDITOR_API_KEY
            + "' "
            + ledgerUrl
            + "/v1/payments/$PAYMENT_ID/entries",
        "");
  }
}
