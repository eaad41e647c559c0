package com.paystream.gateway.testsupport;

import com.paystream.gateway.auth.ApiKeyToken;
import java.util.HexFormat;
import org.springframework.test.context.DynamicPropertyRegistry;

/** API keys for tests, registered as bootstrap keys (hash only) and used as bearer tokens. */
public final class ApiKeys {

  private int next;

  public ApiKeyToken.Issued merchant(DynamicPropertyRegistry registry, String merchantId) {
    ApiKeyToken.Issued key = ApiKeyToken.issue();
    register(registry, key, "MERCHANT", "merchant-id", merchantId);
    return key;
  }

  public ApiKeyToken.Issued operator(DynamicPropertyRegistry registry, String name) {
    ApiKeyToken.Issued key = ApiKeyToken.issue();
    register(registry, key, "OPERATOR", "operator", name);
    return key;
  }

  private void register(
      DynamicPropertyRegistry registry,
      ApiKeyToken.Issued key,
      String role,
      String principalProperty,
      String principal) {
    String prefix = "paystream.auth.bootstrap-keys[" + next++ + "].";
    registry.add(prefix + "key-id", key::keyId);
    registry.add(prefix + "role", () -> role);
    registry.add(prefix + principalProperty, () -> principal);
    registry.add(prefix + "token-sha256", () -> HexFormat.of().formatHex(key.sha256()));
  }
}
