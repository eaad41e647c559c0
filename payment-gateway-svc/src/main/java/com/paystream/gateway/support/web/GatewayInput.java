package com.paystream.gateway.support.web;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's one place where requests are bound: every path id, query parameter and body field
 * an endpoint reads goes through here and so through the suite's {@link InputPolicy}. What the
 * policy refuses is an {@link InputRefusedException}, answered 400 with its stable reason by {@link
 * ApiErrors}; handlers and use cases only ever see values that passed.
 */
@Component
public class GatewayInput {

  private final InputPolicy policy;
  private final PageCursors cursors;

  public GatewayInput(
      InputPolicy policy, @Value("${paystream.paging.cursor-key:}") String cursorKey) {
    this.policy = policy;
    this.cursors = PageCursors.of(cursorKey);
  }

  public InputPolicy policy() {
    return policy;
  }

  // --- path ---------------------------------------------------------------------------------

  /** The payment id in the path, of the identifier shape. */
  public PaymentId pathPaymentId(ServerRequest request) {
    return new PaymentId(policy.identifier("id", request.pathVariable("id")));
  }

  /** A UUID in the path (approvals). */
  public UUID pathUuid(ServerRequest request) {
    return policy.uuid("id", request.pathVariable("id"));
  }

  // --- query --------------------------------------------------------------------------------

  public Optional<Instant> instant(ServerRequest request, String name) {
    return request.queryParam(name).map(value -> policy.instant(name, value));
  }

  /** A page size: a whole number from 1 to the smaller of the endpoint's and the policy's max. */
  public int pageSize(ServerRequest request, String name, int defaultSize, int endpointMax) {
    Optional<String> value = request.queryParam(name);
    if (value.isEmpty()) {
      return defaultSize;
    }
    int max = Math.min(endpointMax, policy.maxPageSize());
    long size = wholeNumber(name, value.get());
    if (size < 1 || size > max) {
      throw refused(
          InputReason.PAGE_SIZE_OUT_OF_RANGE,
          name,
          name + " must be between 1 and " + max + ", was %s",
          value.get());
    }
    return (int) size;
  }

  /** One of an enum's names, exactly. */
  public <E extends Enum<E>> Optional<E> choice(ServerRequest request, String name, Class<E> type) {
    return request
        .queryParam(name)
        .map(
            value ->
                Arrays.stream(type.getEnumConstants())
                    .filter(constant -> constant.name().equals(value))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            refused(
                                InputReason.MALFORMED,
                                name,
                                name
                                    + " must be one of "
                                    + Arrays.toString(type.getEnumConstants())
                                    + ", was %s",
                                value)));
  }

  /** A free-text filter of at most {@code max} characters; blank is no filter. */
  public Optional<String> filter(ServerRequest request, String name, int max) {
    return request
        .queryParam(name)
        .filter(value -> !value.isEmpty())
        .map(value -> policy.text(name, value, max));
  }

  public Optional<MerchantId> merchant(ServerRequest request, String name) {
    return request.queryParam(name).map(value -> new MerchantId(policy.identifier(name, value)));
  }

  /** The position a cursor this gateway signed stands for; anything else is malformed-cursor. */
  public Optional<String> cursor(ServerRequest request, String name) {
    return request
        .queryParam(name)
        .map(
            value ->
                cursors
                    .verify(value)
                    .orElseThrow(
                        () ->
                            refused(
                                InputReason.MALFORMED_CURSOR,
                                name,
                                name + " is not one this service gave out: %s",
                                value)));
  }

  /** A cursor for {@code position}, signed so that it comes back unchanged or not at all. */
  public String signCursor(String position) {
    return cursors.sign(position);
  }

  // --- body ---------------------------------------------------------------------------------

  /**
   * {@code amount_minor} and {@code currency}: an accepted currency first (XXX, XAU refused), then
   * a whole number (1.5 is refused, never read as 1) from 1 (0 when {@code zeroAllowed}) to the
   * currency's maximum.
   */
  public Money money(JsonNode json, boolean zeroAllowed) {
    String code = string(json, "currency");
    policy.currency("currency", code);
    JsonNode amount = json.get("amount_minor");
    if (amount == null || amount.isNull()) {
      throw new InputRefusedException(
          InputReason.MISSING, "amount_minor", "amount_minor is required");
    }
    if (!amount.isNumber()) {
      throw refused(
          InputReason.NOT_AN_INTEGER,
          "amount_minor",
          "amount_minor must be a whole number of minor units, was %s",
          amount.toString());
    }
    BigDecimal value;
    try {
      value = amount.decimalValue();
    } catch (RuntimeException e) {
      // A number the node cannot hold exactly (a non-finite double): out of any range.
      throw refused(
          InputReason.INTEGER_OUT_OF_RANGE,
          "amount_minor",
          "amount_minor is out of range, was %s",
          amount.toString());
    }
    long minor = policy.integer("amount_minor", value, zeroAllowed ? 0 : 1, Long.MAX_VALUE);
    if (zeroAllowed && minor == 0) {
      return new Money(0, policy.currency("currency", code).currency());
    }
    return policy.amount("amount_minor", minor, code);
  }

  /** A text field that must be there and not blank, at most the policy's length. */
  public String requiredText(JsonNode json, String field) {
    String value = string(json, field);
    if (value.isBlank()) {
      throw new InputRefusedException(InputReason.MISSING, field, field + " must not be blank");
    }
    return policy.text(field, value);
  }

  /** A text field, empty when absent or null. */
  public String optionalText(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? "" : policy.text(field, string(json, field));
  }

  /** An optional text field of at most {@code max} characters. */
  public Optional<String> optionalText(JsonNode json, String field, int max) {
    JsonNode node = json.get(field);
    return node == null || node.isNull()
        ? Optional.empty()
        : Optional.of(policy.text(field, string(json, field), max));
  }

  /** An identifier field of the policy's shape, or {@code absent} when not sent. */
  public String identifier(JsonNode json, String field, String absent) {
    JsonNode node = json.get(field);
    if (node == null && absent != null) {
      return absent;
    }
    return policy.identifier(field, string(json, field));
  }

  private static String string(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw new InputRefusedException(InputReason.MISSING, field, field + " is required");
    }
    if (!node.isString()) {
      throw refused(
          InputReason.MALFORMED, field, field + " must be a string, was %s", node.toString());
    }
    return node.stringValue();
  }

  private static long wholeNumber(String name, String text) {
    BigDecimal value;
    try {
      value = text.length() > 40 ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      value = null;
    }
    if (value == null) {
      throw refused(InputReason.MALFORMED, name, name + " must be a whole number, was %s", text);
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw refused(
          InputReason.NOT_AN_INTEGER, name, name + " must be a whole number, was %s", text);
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static InputRefusedException refused(
      InputReason reason, String field, String detail, String value) {
    return new InputRefusedException(reason, field, detail.formatted(InputPolicy.echo(value)));
  }
}
