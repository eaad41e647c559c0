package com.paystream.gateway.webhooks.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.webhooks.ParseResult;
import com.paystream.gateway.webhooks.RejectionReason;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripePayloadParserTest {

  private static final SignatureCheck.Verified VERIFIED =
      new SignatureCheck.Verified(Optional.empty(), Instant.ofEpochSecond(1769860800L));

  private final StripePayloadParser parser = new StripePayloadParser();

  static String event(String type, String object) {
    return "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\""
        + type
        + "\",\"created\":1769860800,\"data\":{\"object\":"
        + object
        + "}}";
  }

  static String intent(String amount) {
    return "{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":"
        + amount
        + ",\"currency\":\"eur\",\"metadata\":{\"payment_id\":\"pay_1\",\"merchant_id\":\"m-1\"}}";
  }

  private ParseResult parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), VERIFIED);
  }

  @Test
  void readsASucceededPaymentIntent() {
    ParseResult.Parsed parsed =
        (ParseResult.Parsed) parse(event("payment_intent.succeeded", intent("1999")));

    assertThat(parsed.providerEventId()).isEqualTo("evt_1");
    assertThat(parsed.report().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(parsed.report().amount()).isEqualTo(Money.of(1999, "EUR"));
    assertThat(parsed.report().paymentId().value()).isEqualTo("pay_1");
    assertThat(parsed.report().providerPaymentId()).contains("pi_1");
    assertThat(parsed.report().occurredAt()).isEqualTo(Instant.ofEpochSecond(1769860800L));
  }

  @Test
  void readsAFullRefundOfTheCharge() {
    String charge =
        "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":1999,\"currency\":\"eur\",\"refunded\":true,"
            + "\"payment_intent\":\"pi_1\",\"metadata\":{\"payment_id\":\"pay_1\",\"merchant_id\":\"m-1\"}}";

    ParseResult.Parsed parsed = (ParseResult.Parsed) parse(event("charge.refunded", charge));

    assertThat(parsed.report().status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(parsed.report().providerPaymentId()).contains("pi_1");
  }

  @Test
  void refusesPartialRefundsAndOtherEventTypes() {
    String partial =
        "{\"id\":\"ch_1\",\"amount\":1999,\"currency\":\"eur\",\"refunded\":false,"
            + "\"metadata\":{\"payment_id\":\"pay_1\",\"merchant_id\":\"m-1\"}}";

    assertThat(
            ((ParseResult.Unusable) parse(event("charge.refunded", partial))).rejection().reason())
        .isEqualTo(RejectionReason.UNSUPPORTED_EVENT_TYPE);
    assertThat(
            ((ParseResult.Unusable) parse(event("customer.created", intent("1"))))
                .rejection()
                .reason())
        .isEqualTo(RejectionReason.UNSUPPORTED_EVENT_TYPE);
  }

  @Test
  void refusesFractionalAmountsAndMissingMetadata() {
    assertThat(
            ((ParseResult.Unusable) parse(event("payment_intent.succeeded", intent("19.99"))))
                .rejection()
                .reason())
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
    String noMetadata = intent("1999").replaceAll(",\"metadata\":\\{[^}]*}", "");
    assertThat(
            ((ParseResult.Unusable) parse(event("payment_intent.succeeded", noMetadata)))
                .rejection()
                .reason())
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }
}
