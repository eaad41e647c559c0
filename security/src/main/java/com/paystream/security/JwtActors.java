package com.paystream.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated OIDC access token into an {@link Actor}: its name, its one role of the suite
 * and, for a merchant, its merchant id, each from the configured claim. A token naming no role of
 * the suite, or more than one, is refused: an actor acts in exactly one role.
 */
public final class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {

  private final SecurityProperties.Oidc oidc;

  public JwtActors(SecurityProperties.Oidc oidc) {
    this.oidc = oidc;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new ActorAuthentication(actor(jwt));
  }

  public Actor actor(Jwt jwt) {
    List<Role> roles = roles(claim(jwt, oidc.rolesClaim()));
    if (roles.size() != 1) {
      throw new InvalidBearerTokenException(
          "the token must name exactly one role of the suite in claim '" + oidc.rolesClaim() + "'");
    }
    Role role = roles.get(0);
    String name =
        Optional.ofNullable(jwt.getClaimAsString(oidc.nameClaim()))
            .filter(claimed -> !claimed.isBlank())
            .orElse(jwt.getSubject());
    if (name == null || name.isBlank()) {
      throw new InvalidBearerTokenException("the token names nobody");
    }
    Optional<String> merchant =
        Optional.ofNullable(jwt.getClaimAsString(oidc.merchantClaim())).filter(m -> !m.isBlank());
    if (role == Role.MERCHANT && merchant.isEmpty()) {
      throw new InvalidBearerTokenException(
          "a merchant's token needs claim '" + oidc.merchantClaim() + "'");
    }
    // As a string: an issuer need not be a URL, and getIssuer() would fail converting one.
    String issuer = Optional.ofNullable(jwt.getClaimAsString("iss")).orElse("unknown");
    return new Actor(
        name, role, role == Role.MERCHANT ? merchant : Optional.empty(), "oidc:" + issuer);
  }

  /**
   * A claim by name or, when no claim has that name, by a dotted path into nested objects, as
   * Keycloak puts realm roles under {@code realm_access.roles}.
   */
  private static Object claim(Jwt jwt, String name) {
    Object value = jwt.getClaims().get(name);
    if (value != null || !name.contains(".")) {
      return value;
    }
    Object current = jwt.getClaims();
    for (String part : name.split("\\.")) {
      if (!(current instanceof java.util.Map<?, ?> object)) {
        return null;
      }
      current = object.get(part);
    }
    return current;
  }

  private List<Role> roles(Object claim) {
    Collection<?> values;
    if (claim == null) {
      values = List.of();
    } else if (claim instanceof Collection<?> collection) {
      values = collection;
    } else {
      values = Arrays.asList(claim.toString().trim().split("\\s+"));
    }
    List<Role> roles = new ArrayList<>();
    for (Object value : values) {
      String name = value.toString().trim();
      if (!oidc.rolePrefix().isEmpty()) {
        if (!name.startsWith(oidc.rolePrefix())) {
          continue;
        }
        name = name.substring(oidc.rolePrefix().length());
      }
      name = name.toUpperCase(Locale.ROOT);
      if (name.startsWith("ROLE_")) {
        name = name.substring("ROLE_".length());
      }
      for (Role role : Role.values()) {
        if (role.name().equals(name) && !roles.contains(role)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
