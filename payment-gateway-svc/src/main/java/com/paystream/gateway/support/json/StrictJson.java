package com.paystream.gateway.support.json;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of untrusted JSON (provider payloads, API requests): duplicate keys, trailing
 * garbage, fractional or out-of-range amounts and unbounded strings are refused with a short
 * reason, thrown as {@link InvalidJson} and turned into a 4xx answer at the caller's edge.
 */
public final class StrictJson {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // 1e400 stays the number it says (a double would be Infinity), so it can be refused as
          // out of range rather than failing to convert.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

  /** The reason of a body that is not one well-formed JSON object (the input policy's code). */
  public static final String MALFORMED_JSON = "malformed-json";

  private StrictJson() {}

  /** Parses {@code body} as one JSON object. */
  public static JsonNode object(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidJson(MALFORMED_JSON, "body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidJson(MALFORMED_JSON, "body is not a JSON object");
    }
    return root;
  }

  public static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw new InvalidJson(field + " must be an object");
    }
    return node;
  }

  public static String string(JsonNode parent, String field, int maxLength) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isString()) {
      throw new InvalidJson(field + " must be a string");
    }
    String value = node.stringValue();
    if (value.isBlank() || value.length() > maxLength) {
      throw new InvalidJson(field + " must be 1-" + maxLength + " characters");
    }
    return value;
  }

  /** An optional identifier: absent or null is empty; anything else must be visible ASCII. */
  public static Optional<String> optionalId(JsonNode parent, String field, int maxLength) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String value = string(parent, field, maxLength);
    if (!VISIBLE_ASCII.matcher(value).matches()) {
      throw new InvalidJson(field + " must be printable ASCII without spaces");
    }
    return Optional.of(value);
  }

  /** A non-negative amount in minor units: an integer JSON number that fits a long, never 1.0. */
  public static long amountMinor(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new InvalidJson(field + " must be an integer number of minor units");
    }
    long value = node.longValue();
    if (value < 0) {
      throw new InvalidJson(field + " must not be negative");
    }
    return value;
  }

  /** A unix timestamp in seconds: a non-negative integer JSON number. */
  public static Instant unixSeconds(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null
        || !node.isIntegralNumber()
        || !node.canConvertToLong()
        || node.longValue() < 0
        || node.longValue() > Instant.MAX.getEpochSecond()) {
      throw new InvalidJson(field + " must be unix seconds");
    }
    return Instant.ofEpochSecond(node.longValue());
  }

  public static Currency currency(String code, String field) {
    try {
      return Money.currency(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidJson(field + " must be an ISO 4217 currency code");
    }
  }

  public static PaymentId paymentId(JsonNode parent, String field) {
    try {
      return new PaymentId(string(parent, field, 64));
    } catch (IllegalArgumentException e) {
      throw new InvalidJson(field + " must be 1-64 characters without whitespace");
    }
  }

  public static MerchantId merchantId(JsonNode parent, String field) {
    try {
      return new MerchantId(string(parent, field, 64));
    } catch (IllegalArgumentException e) {
      throw new InvalidJson(field + " must be 1-64 characters without whitespace");
    }
  }

  /** An ISO-8601 date-time with an offset, e.g. {@code 2026-01-31T12:00:00Z}. */
  public static Instant timestamp(JsonNode parent, String field) {
    try {
      return OffsetDateTime.parse(string(parent, field, 64)).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidJson(field + " must be an ISO-8601 date-time with offset");
    }
  }

  /** Input we refuse; the message is short, fixed text safe to return and log. */
  public static final class InvalidJson extends RuntimeException {

    private final String reason;

    public InvalidJson(String detail) {
      this("invalid_request", detail);
    }

    public InvalidJson(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    /** The stable reason of the refusal. */
    public String reason() {
      return reason;
    }
  }
}
