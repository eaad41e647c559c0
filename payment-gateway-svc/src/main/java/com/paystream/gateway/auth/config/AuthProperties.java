package com.paystream.gateway.auth.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paystream.auth.bootstrap-keys[n]}: keys stored at startup if absent, so that a fresh
 * deployment has an operator (who then issues merchant keys through the API) and tests have their
 * callers. Only the SHA-256 of each token is configured, never the token.
 *
 * <pre>
 * paystream.auth.bootstrap-keys[0].key-id=opsKey0001
 * paystream.auth.bootstrap-keys[0].role=OPERATOR
 * paystream.auth.bootstrap-keys[0].operator=alice
 * paystream.auth.bootstrap-keys[0].token-sha256=&lt;64 hex digits&gt;
 * </pre>
 */
@ConfigurationProperties("paystream.auth")
public record AuthProperties(List<BootstrapKey> bootstrapKeys) {

  public AuthProperties {
    bootstrapKeys = bootstrapKeys == null ? List.of() : List.copyOf(bootstrapKeys);
  }

  /** One configured key. */
  public record BootstrapKey(
      String keyId, String role, String merchantId, String operator, String tokenSha256) {}
}
