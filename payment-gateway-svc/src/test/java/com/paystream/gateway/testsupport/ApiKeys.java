package com.paystream.gateway.testsupport;

import com.paystream.security.ApiKeyToken;
import com.paystream.security.PrincipalKeys;
import com.paystream.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * API keys for tests, registered as the security module's principals (hash only) and used as bearer
 * tokens. Each key added re-registers the whole list (a list binds from one source).
 */
public final class ApiKeys {

  private final List<PrincipalKeys.Holder> holders = new ArrayList<>();

  public ApiKeyToken.Issued merchant(DynamicPropertyRegistry registry, String merchantId) {
    return add(registry, PrincipalKeys.Holder.merchant(merchantId, merchantId, null));
  }

  public ApiKeyToken.Issued operator(DynamicPropertyRegistry registry, String name) {
    return add(registry, PrincipalKeys.Holder.of(name, Role.OPERATOR, null));
  }

  public ApiKeyToken.Issued auditor(DynamicPropertyRegistry registry, String name) {
    return add(registry, PrincipalKeys.Holder.of(name, Role.AUDITOR, null));
  }

  public ApiKeyToken.Issued admin(DynamicPropertyRegistry registry, String name) {
    return add(registry, PrincipalKeys.Holder.of(name, Role.ADMIN, null));
  }

  /** Adds a principal with a fresh key and (re-)registers every principal's properties. */
  private ApiKeyToken.Issued add(DynamicPropertyRegistry registry, PrincipalKeys.Holder holder) {
    ApiKeyToken.Issued key = ApiKeyToken.issue();
    holders.add(
        new PrincipalKeys.Holder(holder.name(), holder.role(), holder.merchantId(), key.token()));
    PrincipalKeys.properties(holders).forEach((name, value) -> registry.add(name, () -> value));
    return key;
  }
}
