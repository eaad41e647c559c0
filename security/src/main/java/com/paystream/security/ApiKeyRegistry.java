package com.paystream.security;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configured API keys, by key id. A token is accepted when its key id is known and the SHA-256
 * of the whole token equals the configured hash (compared in constant time). Every failure looks
 * the same to the caller, so probing cannot tell an unknown key from a wrong secret.
 */
public final class ApiKeyRegistry {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

  private record Entry(byte[] sha256, Actor actor) {}

  private final Map<String, Entry> byKeyId;

  public ApiKeyRegistry(List<SecurityProperties.Principal> principals) {
    Map<String, Entry> keys = new HashMap<>();
    Map<String, Role> names = new HashMap<>();
    for (SecurityProperties.Principal principal : principals) {
      String where = "paystream.security principal '" + principal.name() + "'";
      if (principal.name() == null || principal.name().isBlank() || principal.role() == null) {
        throw new IllegalArgumentException(where + " needs a name and a role");
      }
      Optional<String> merchantId =
          Optional.ofNullable(principal.merchantId()).filter(id -> !id.isBlank());
      if ((principal.role() == Role.MERCHANT) != merchantId.isPresent()) {
        throw new IllegalArgumentException(
            where + ": a merchant id is required for the MERCHANT role and allowed for no other");
      }
      if (names.put(principal.name(), principal.role()) != null) {
        throw new IllegalArgumentException(where + " is configured twice");
      }
      if (principal.keys().size() > SecurityProperties.MAX_KEYS_PER_PRINCIPAL) {
        throw new IllegalArgumentException(
            where
                + " has "
                + principal.keys().size()
                + " keys; at most "
                + SecurityProperties.MAX_KEYS_PER_PRINCIPAL
                + " are active at once (the current one and its replacement)");
      }
      for (SecurityProperties.Key key : principal.keys()) {
        if (key.id() == null || !key.id().matches("[A-Za-z0-9]{8,32}")) {
          throw new IllegalArgumentException(where + ": a key id is 8 to 32 letters or digits");
        }
        if (key.sha256() == null || !SHA256_HEX.matcher(key.sha256()).matches()) {
          throw new IllegalArgumentException(
              where + ", key " + key.id() + ": sha256 must be 64 hex digits");
        }
        Actor actor = new Actor(principal.name(), principal.role(), merchantId, "key:" + key.id());
        Entry previous =
            keys.put(key.id(), new Entry(HexFormat.of().parseHex(key.sha256()), actor));
        if (previous != null) {
          throw new IllegalArgumentException("API key id " + key.id() + " is configured twice");
        }
      }
    }
    this.byKeyId = Map.copyOf(keys);
  }

  /** The actor a token proves, if it is a configured key. */
  public Optional<Actor> authenticate(String token) {
    return ApiKeyToken.keyId(token)
        .map(byKeyId::get)
        .filter(entry -> MessageDigest.isEqual(ApiKeyToken.sha256(token), entry.sha256()))
        .map(Entry::actor);
  }

  /** Every configured key id with its actor, for the key listing (never the hashes). */
  public Map<String, Actor> keys() {
    Map<String, Actor> view = new HashMap<>();
    byKeyId.forEach((id, entry) -> view.put(id, entry.actor()));
    return Map.copyOf(view);
  }
}
