package com.paystream.gateway.webhooks.stripe;

import com.paystream.gateway.webhooks.Acknowledgement;
import com.paystream.gateway.webhooks.HmacSha256;
import com.paystream.gateway.webhooks.Rejection;
import com.paystream.gateway.webhooks.RejectionReason;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.gateway.webhooks.SignatureDialect;
import com.paystream.gateway.webhooks.SigningKeys;
import com.paystream.gateway.webhooks.WebhookHeaders;
import com.paystream.gateway.webhooks.WebhookHeaders.HeaderValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, HMAC-SHA256
 * over {@code t.body} keyed with the whole secret string ({@code whsec_...} as UTF-8, not decoded).
 * Stripe sends one {@code v1} per active secret while a secret rolls; any one may match. The event
 * id is in the body, so the parser supplies it.
 */
public final class StripeSignatureDialect implements SignatureDialect {

  public static final String NAME = "stripe";
  public static final String HEADER = "Stripe-Signature";

  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,128}");
  private static final int MAX_ELEMENTS = 16;
  private static final int MIN_SECRET_LENGTH = 16;

  private final Duration tolerance;

  public StripeSignatureDialect(Duration tolerance) {
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
    }
    this.tolerance = tolerance;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SigningKeys keys(List<String> secrets) {
    return new SigningKeys(
        secrets.stream()
            .map(
                secret -> {
                  if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
                    throw new IllegalArgumentException(
                        "a Stripe signing secret has at least "
                            + MIN_SECRET_LENGTH
                            + " characters");
                  }
                  return secret.strip().getBytes(StandardCharsets.UTF_8);
                })
            .toList());
  }

  @Override
  public SignatureCheck verify(
      WebhookHeaders headers, byte[] rawBody, SigningKeys keys, Instant now) {
    HeaderValue header = headers.single(HEADER);
    if (header instanceof HeaderValue.Absent absent) {
      return new SignatureCheck.Failed(absent.rejection());
    }
    Optional<Parsed> parsed = parse(((HeaderValue.Present) header).value());
    if (parsed.isEmpty()) {
      return failed(RejectionReason.MALFORMED_HEADER, HEADER + " must be t=<seconds>,v1=<hex>");
    }
    byte[] prefix = (parsed.get().timestamp() + ".").getBytes(StandardCharsets.US_ASCII);
    if (!anyMatches(keys, parsed.get().signatures(), prefix, rawBody)) {
      return failed(RejectionReason.SIGNATURE_MISMATCH, "no signature matches an active secret");
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(parsed.get().timestamp()));
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return failed(
          RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE,
          "t is more than " + tolerance.toSeconds() + "s away from now");
    }
    return new SignatureCheck.Verified(Optional.empty(), signedAt);
  }

  private record Parsed(String timestamp, List<byte[]> signatures) {}

  private static Optional<Parsed> parse(String header) {
    String[] elements = header.split(",");
    if (elements.length > MAX_ELEMENTS) {
      return Optional.empty();
    }
    String timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String element : elements) {
      String[] pair = element.strip().split("=", 2);
      if (pair.length != 2) {
        return Optional.empty();
      }
      if (pair[0].equals("t")) {
        if (timestamp != null || !UNIX_SECONDS.matcher(pair[1]).matches()) {
          return Optional.empty();
        }
        timestamp = pair[1];
      } else if (pair[0].equals("v1")
          && HEX.matcher(pair[1]).matches()
          && pair[1].length() % 2 == 0) {
        signatures.add(HexFormat.of().parseHex(pair[1]));
      }
    }
    return timestamp == null || signatures.isEmpty()
        ? Optional.empty()
        : Optional.of(new Parsed(timestamp, signatures));
  }

  private static boolean anyMatches(
      SigningKeys keys, List<byte[]> candidates, byte[] prefix, byte[] body) {
    for (byte[] key : keys.keys()) {
      byte[] expected = HmacSha256.mac(key, prefix, body);
      for (byte[] candidate : candidates) {
        if (HmacSha256.matches(expected, candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Map<String, String> auditHeaders(WebhookHeaders headers) {
    return headers.first(HEADER).map(value -> Map.of(HEADER, value)).orElse(Map.of());
  }

  /** Stripe only looks at the status; it wants it fast, which the intake is. */
  @Override
  public Acknowledgement acknowledge(boolean duplicate) {
    return Acknowledgement.json(200, "{\"received\":true}");
  }

  private static SignatureCheck failed(RejectionReason reason, String detail) {
    return new SignatureCheck.Failed(new Rejection(reason, detail));
  }
}
