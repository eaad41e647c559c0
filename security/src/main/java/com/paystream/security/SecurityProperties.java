package com.paystream.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paystream.security}: the principals every service knows (the same list in all four, so
 * each key works everywhere) and how OIDC bearer tokens map to roles. Only key hashes are
 * configured, never tokens; deployments pass them from a secret file ({@code
 * PAYSTREAM_SECURITY_FILE}) or the environment.
 *
 * <pre>
 * paystream.security.principals[0].name=alice
 * paystream.security.principals[0].role=OPERATOR
 * paystream.security.principals[0].keys[0].id=aliceKey2026a
 * paystream.security.principals[0].keys[0].sha256=&lt;64 hex digits&gt;
 * </pre>
 */
@ConfigurationProperties("paystream.security")
public record SecurityProperties(List<Principal> principals, Oidc oidc) {

  /** At most this many active keys per principal: the current one and the one replacing it. */
  public static final int MAX_KEYS_PER_PRINCIPAL = 2;

  public SecurityProperties {
    principals = principals == null ? List.of() : List.copyOf(principals);
    oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
  }

  /** A configured principal and its active keys. */
  public record Principal(String name, Role role, String merchantId, List<Key> keys) {

    public Principal {
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }

  /** One active API key, by its public id and the SHA-256 (hex) of the whole token. */
  public record Key(String id, String sha256) {

    @Override
    public String toString() {
      return "Key[id=" + id + "]";
    }
  }

  /**
   * How an OIDC access token names its bearer (the token itself is checked by Spring Security's
   * resource server, {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code
   * jwk-set-uri}).
   *
   * @param rolesClaim the claim holding the roles (a list, or a space-separated string), or a
   *     dotted path to it in nested claims (e.g. {@code realm_access.roles}); role names are
   *     matched case-insensitively, with or without a {@code ROLE_} prefix
   * @param nameClaim the claim naming the person
   * @param merchantClaim the claim holding a merchant's id
   * @param rolePrefix a prefix the identity provider puts before the suite's role names, stripped
   *     (e.g. {@code paystream-})
   */
  public record Oidc(String rolesClaim, String nameClaim, String merchantClaim, String rolePrefix) {

    public Oidc {
      rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
      nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
      merchantClaim = merchantClaim == null ? "merchant_id" : merchantClaim;
      rolePrefix = rolePrefix == null ? "" : rolePrefix;
    }
  }
}
