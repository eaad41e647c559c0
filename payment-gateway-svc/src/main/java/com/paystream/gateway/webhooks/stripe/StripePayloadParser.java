package com.paystream.gateway.webhooks.stripe;

import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.json.StrictJson.InvalidJson;
import com.paystream.gateway.webhooks.ParseResult;
import com.paystream.gateway.webhooks.PayloadParser;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.gateway.webhooks.UnsupportedEventType;
import com.paystream.platform.money.Money;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Stripe event objects for payment intents (and full refunds of their charge). Our payment and
 * merchant ids travel in the object's {@code metadata}, which is how a Stripe integration links its
 * objects to the merchant's:
 *
 * <pre>{@code
 * {"id": "evt_1", "object": "event", "type": "payment_intent.succeeded", "created": 1769860800,
 *  "data": {"object": {"id": "pi_1", "object": "payment_intent", "amount": 1999,
 *           "currency": "eur", "metadata": {"payment_id": "pay_1", "merchant_id": "m-1"}}}}
 * }</pre>
 */
public final class StripePayloadParser implements PayloadParser {

  public static final String FORMAT = "stripe";

  private static final Map<String, PaymentStatus> TYPES =
      Map.of(
          "payment_intent.created", PaymentStatus.CREATED,
          "payment_intent.processing", PaymentStatus.PENDING,
          "payment_intent.succeeded", PaymentStatus.SUCCEEDED,
          "payment_intent.payment_failed", PaymentStatus.FAILED,
          "payment_intent.canceled", PaymentStatus.CANCELLED,
          "charge.refunded", PaymentStatus.REFUNDED);

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public ParseResult parse(byte[] rawBody, SignatureCheck.Verified signature) {
    try {
      JsonNode event = StrictJson.object(rawBody);
      String eventId = StrictJson.string(event, "id", 255);
      return new ParseResult.Parsed(eventId, report(event));
    } catch (InvalidJson invalid) {
      return ParseResult.malformed(invalid.getMessage());
    } catch (UnsupportedEventType unsupported) {
      return new ParseResult.Unusable(unsupported.rejection());
    }
  }

  private static ProviderReport report(JsonNode event) {
    String type = StrictJson.string(event, "type", 64);
    PaymentStatus status =
        Optional.ofNullable(TYPES.get(type))
            .orElseThrow(
                () ->
                    new UnsupportedEventType(
                        "only payment_intent.* and charge.refunded events are accepted"));
    JsonNode object = StrictJson.object(StrictJson.object(event, "data"), "object");
    if (status == PaymentStatus.REFUNDED && !object.path("refunded").asBoolean(false)) {
      throw new UnsupportedEventType("only full refunds are accepted as events");
    }
    JsonNode metadata = StrictJson.object(object, "metadata");
    String currency = StrictJson.string(object, "currency", 3).toUpperCase(Locale.ROOT);
    Optional<String> providerPaymentId =
        status == PaymentStatus.REFUNDED
            ? StrictJson.optionalId(object, "payment_intent", 255)
            : StrictJson.optionalId(object, "id", 255);
    return new ProviderReport(
        StrictJson.paymentId(metadata, "payment_id"),
        StrictJson.merchantId(metadata, "merchant_id"),
        new Money(
            StrictJson.amountMinor(object, "amount"), StrictJson.currency(currency, "currency")),
        status,
        providerPaymentId,
        type,
        StrictJson.unixSeconds(event, "created"));
  }
}
