package com.paystream.security.testing;

import com.paystream.security.ApiKeyToken;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** API keys made for one test run, configured by hash as a service would be. */
public final class TestKeys {

  public final ApiKeyToken.Issued operator = ApiKeyToken.issue();
  public final ApiKeyToken.Issued auditor = ApiKeyToken.issue();
  public final ApiKeyToken.Issued merchant = ApiKeyToken.issue();
  public final ApiKeyToken.Issued admin = ApiKeyToken.issue();

  /** Every token, to check none of them ever reaches the logs. */
  public List<String> tokens() {
    return List.of(operator.token(), auditor.token(), merchant.token(), admin.token());
  }

  /** Sets {@code paystream.security.principals}: alice (operator), audrey, shop-1, root. */
  public void register(DynamicPropertyRegistry registry) {
    principal(registry, 0, "alice", "OPERATOR", null, operator);
    principal(registry, 1, "audrey", "AUDITOR", null, auditor);
    principal(registry, 2, "shop-1", "MERCHANT", "m-1", merchant);
    principal(registry, 3, "root", "ADMIN", null, admin);
  }

  private static void principal(
      DynamicPropertyRegistry registry,
      int index,
      String name,
      String role,
      String merchantId,
      ApiKeyToken.Issued key) {
    String prefix = "paystream.security.principals[" + index + "].";
    registry.add(prefix + "name", () -> name);
    registry.add(prefix + "role", () -> role);
    if (merchantId != null) {
      registry.add(prefix + "merchant-id", () -> merchantId);
    }
    registry.add(prefix + "keys[0].id", key::keyId);
    registry.add(prefix + "keys[0].sha256", key::sha256Hex);
  }
}
