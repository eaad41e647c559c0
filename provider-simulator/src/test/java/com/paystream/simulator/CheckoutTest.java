package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.simulator.FakeGateway.Delivery;
import com.paystream.simulator.ProviderApi.Answer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The customer's side of the simulator: paying at the redirect URL sends the signed webhook. */
class CheckoutTest {

  private static final String SECRET = StandardWebhookSigner.newSecret();

  private final FakeGateway gateway = new FakeGateway();
  private final ProviderSimulator simulator = new ProviderSimulator(SECRET, 1);
  private final ProviderApi api = new ProviderApi(simulator);

  @AfterEach
  void stop() {
    simulator.close();
    gateway.close();
  }

  @Test
  void payingAtTheRedirectUrlSendsASignedSucceededWebhook() {
    simulator.webhookUrl(gateway.webhookUrl());
    JsonNode created = api.createPayment("pay-1", 1999, "EUR");

    Answer paid = api.post(created.get("redirect_url").stringValue());

    assertThat(paid.status()).isEqualTo(200);
    assertThat(gateway.deliveries()).hasSize(1);
    Delivery webhook = gateway.deliveries().get(0);
    byte[] body = webhook.body().getBytes(StandardCharsets.UTF_8);
    assertThat(webhook.signature())
        .isEqualTo(
            new StandardWebhookSigner(SECRET)
                .signature(webhook.webhookId(), Long.parseLong(webhook.timestamp()), body));
    JsonNode data = ProviderApi.JSON.readTree(body).get("data");
    assertThat(data.get("payment_id").stringValue()).isEqualTo("pay-1");
    assertThat(data.get("status").stringValue()).isEqualTo("SUCCEEDED");
    assertThat(data.get("amount_minor").longValue()).isEqualTo(1999);
    assertThat(simulator.payment("pay-1").orElseThrow().status()).isEqualTo("SUCCEEDED");
  }

  @Test
  void aCustomerCanFailThePaymentButNotPayTwiceOrWithANonsenseStatus() {
    String url = api.createPayment("pay-2", 500, "USD").get("redirect_url").stringValue();

    assertThat(api.post(url + "?status=MAYBE").status()).isEqualTo(400);
    assertThat(api.post(url + "?status=FAILED").status()).isEqualTo(200);
    assertThat(api.post(url).status()).isEqualTo(409);
    assertThat(api.post(simulator.baseUrl() + "/checkout/psp_unknown").status()).isEqualTo(404);
    assertThat(simulator.payment("pay-2").orElseThrow().status()).isEqualTo("FAILED");
  }
}
