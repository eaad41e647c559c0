package com.paystream.gateway.webhooks.standard;

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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and {@code
 * webhook-signature} (space-separated {@code v1,<base64>} entries, any one of which may match),
 * HMAC-SHA256 over {@code id.timestamp.body} with the base64 key after {@code whsec_}.
 */
public final class StandardWebhooksDialect implements SignatureDialect {

  public static final String NAME = "standard-webhooks";
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  static final String VERSION_PREFIX = "v1,";

  /** Printable ASCII without spaces: the id is part of the signed content and of the inbox key. */
  private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

  /** Bounds the work an attacker can ask for: a handful of rotated keys need a handful of MACs. */
  private static final int MAX_SIGNATURES = 16;

  private final Duration tolerance;

  public StandardWebhooksDialect(Duration tolerance) {
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
    return new SigningKeys(secrets.stream().map(StandardWebhooksSecret::decode).toList());
  }

  @Override
  public SignatureCheck verify(
      WebhookHeaders headers, byte[] rawBody, SigningKeys keys, Instant now) {
    HeaderValue id = headers.single(ID);
    HeaderValue timestamp = headers.single(TIMESTAMP);
    HeaderValue signature = headers.single(SIGNATURE);
    for (HeaderValue value : List.of(id, timestamp, signature)) {
      if (value instanceof HeaderValue.Absent absent) {
        return new SignatureCheck.Failed(absent.rejection());
      }
    }
    String eventId = ((HeaderValue.Present) id).value();
    String seconds = ((HeaderValue.Present) timestamp).value();
    if (!EVENT_ID.matcher(eventId).matches()) {
      return malformed(ID + " must be 1-255 printable ASCII characters without spaces");
    }
    if (!UNIX_SECONDS.matcher(seconds).matches()) {
      return malformed(TIMESTAMP + " must be unix seconds");
    }
    Optional<List<byte[]>> candidates = candidates(((HeaderValue.Present) signature).value());
    if (candidates.isEmpty()) {
      return malformed(SIGNATURE + " holds no v1,<base64> signature");
    }
    byte[] prefix = (eventId + "." + seconds + ".").getBytes(StandardCharsets.US_ASCII);
    if (!anyMatches(keys, candidates.get(), prefix, rawBody)) {
      return failed(RejectionReason.SIGNATURE_MISMATCH, "no signature matches an active secret");
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(seconds));
    if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
      return failed(
          RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE,
          TIMESTAMP + " is more than " + tolerance.toSeconds() + "s away from now");
    }
    return new SignatureCheck.Verified(Optional.of(eventId), signedAt);
  }

  /**
   * The decoded v1 signatures; other versions (e.g. asymmetric v1a) are ignored as the spec says.
   */
  private static Optional<List<byte[]>> candidates(String header) {
    String[] entries = header.trim().split(" +");
    if (entries.length > MAX_SIGNATURES) {
      return Optional.empty();
    }
    List<byte[]> decoded = new ArrayList<>();
    for (String entry : entries) {
      if (entry.startsWith(VERSION_PREFIX)) {
        decodeBase64(entry.substring(VERSION_PREFIX.length())).ifPresent(decoded::add);
      }
    }
    return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
  }

  private static Optional<byte[]> decodeBase64(String text) {
    try {
      return Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
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
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : List.of(ID, TIMESTAMP, SIGNATURE)) {
      headers.first(name).ifPresent(value -> kept.put(name, value));
    }
    return kept;
  }

  @Override
  public Acknowledgement acknowledge(boolean duplicate) {
    return Acknowledgement.json(
        200, duplicate ? "{\"status\":\"duplicate\"}" : "{\"status\":\"accepted\"}");
  }

  private static SignatureCheck malformed(String detail) {
    return failed(RejectionReason.MALFORMED_HEADER, detail);
  }

  private static SignatureCheck failed(RejectionReason reason, String detail) {
    return new SignatureCheck.Failed(new Rejection(reason, detail));
  }
}
