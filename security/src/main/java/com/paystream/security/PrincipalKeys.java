package com.paystream.security;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes principals and their keys as {@code paystream.security.principals[n]} properties, hashes
 * only: what the local stack's launcher puts in its security file and what tests register.
 */
public final class PrincipalKeys {

  private PrincipalKeys() {}

  /**
   * A principal holding a token. The token itself never leaves the caller: only its key id and
   * SHA-256 are written.
   */
  public record Holder(String name, Role role, String merchantId, String token) {

    public static Holder merchant(String name, String merchantId, String token) {
      return new Holder(name, Role.MERCHANT, merchantId, token);
    }

    public static Holder of(String name, Role role, String token) {
      return new Holder(name, role, null, token);
    }

    @Override
    public String toString() {
      return "Holder[" + role + " " + name + ", token redacted]";
    }
  }

  /** The properties for these holders; holders with one name are one principal with their keys. */
  public static Map<String, String> properties(List<Holder> holders) {
    Map<String, List<Holder>> byName = new LinkedHashMap<>();
    holders.forEach(h -> byName.computeIfAbsent(h.name(), n -> new ArrayList<>()).add(h));
    Map<String, String> properties = new LinkedHashMap<>();
    int index = 0;
    for (List<Holder> principal : byName.values()) {
      Holder first = principal.get(0);
      String prefix = "paystream.security.principals[" + index++ + "].";
      properties.put(prefix + "name", first.name());
      properties.put(prefix + "role", first.role().name());
      if (first.merchantId() != null) {
        properties.put(prefix + "merchant-id", first.merchantId());
      }
      for (int k = 0; k < principal.size(); k++) {
        String token = principal.get(k).token();
        String keyId =
            ApiKeyToken.keyId(token)
                .orElseThrow(() -> new IllegalArgumentException("not an API key token"));
        properties.put(prefix + "keys[" + k + "].id", keyId);
        properties.put(
            prefix + "keys[" + k + "].sha256", HexFormat.of().formatHex(ApiKeyToken.sha256(token)));
      }
    }
    return properties;
  }
}
