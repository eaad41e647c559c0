package com.paystream.local.live;

import com.paystream.local.demo.DemoProvider;
import com.paystream.simulator.StandardWebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signed {@code payment.succeeded} callbacks of the demo provider for payments the gateway has not
 * seen, as the README's snippet sends them: each is recorded, published by the relay and waits for
 * the ledger's confirmation.
 */
final class WebhookTraffic {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String webhookUrl;
  private final StandardWebhookSigner signer;

  WebhookTraffic(String gatewayUrl) {
    this.webhookUrl = gatewayUrl + "/v1/webhooks/" + DemoProvider.NAME;
    this.signer = new StandardWebhookSigner(DemoProvider.WEBHOOK_SECRET);
  }

  /**
   * Sends one correctly signed callback; returns the gateway's status, or -1 if it did not answer.
   */
  int sendSigned() {
    return send(true);
  }

  /** Sends one callback with a wrong signature, which the gateway must refuse (and count). */
  int sendBadlySigned() {
    return send(false);
  }

  static String body(String paymentId, String providerPaymentId, Instant at) {
    return "{\"type\":\"payment.succeeded\",\"timestamp\":\""
        + at
        + "\",\"data\":{\"payment_id\":\""
        + paymentId
        + "\",\"merchant_id\":\""
        + DemoProvider.MERCHANT_ID
        + "\",\"amount_minor\":1999,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\","
        + "\"provider_payment_id\":\""
        + providerPaymentId
        + "\"}}";
  }

  private int send(boolean signed) {
    Instant now = Instant.now();
    byte[] body = body("pay_" + hex(8), "psp_" + hex(8), now).getBytes(StandardCharsets.UTF_8);
    String eventId = "msg_" + hex(12);
    Map<String, String> headers = signer.headers(eventId, now, body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(webhookUrl))
            .timeout(Duration.ofSeconds(10))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, value) ->
            request.header(
                name,
                signed || !name.equals(StandardWebhookSigner.SIGNATURE_HEADER)
                    ? value
                    : "v1,bm90LXRoZS1zaWduYXR1cmUtb2YtdGhpcy1ib2R5LCBvbiBwdXJwb3Nl"));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
