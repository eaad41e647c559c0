package com.paystream.gateway.webhooks.stripe;

import com.paystream.gateway.webhooks.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/** Signs webhooks as Stripe does; for tests, the provider simulator and benchmarks. */
public final class StripeSigner {

  private final byte[] key;

  /**
   * @param secret the endpoint's signing secret, used as-is (UTF-8)
   */
  public StripeSigner(String secret) {
    this.key = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code Stripe-Signature} value for {@code body} signed at {@code at}. */
  public String header(Instant at, byte[] body) {
    long seconds = at.getEpochSecond();
    byte[] prefix = (seconds + ".").getBytes(StandardCharsets.US_ASCII);
    return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(HmacSha256.mac(key, prefix, body));
  }
}
