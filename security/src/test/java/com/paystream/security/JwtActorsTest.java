package com.paystream.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class JwtActorsTest {

  private static final String ISSUER = "https://idp.example/realms/paystream";

  private final JwtActors defaults =
      new JwtActors(new SecurityProperties.Oidc(null, null, null, null));

  private static Jwt jwt(Map<String, Object> claims) {
    return Jwt.withTokenValue("token")
        .header("alg", "RS256")
        .issuer(ISSUER)
        .subject("7f1c2b")
        .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .claims(all -> all.putAll(claims))
        .build();
  }

  @Test
  void takesTheRoleFromAListClaimAndTheNameFromPreferredUsername() {
    Actor actor =
        defaults.actor(jwt(Map.of("roles", List.of("OPERATOR"), "preferred_username", "alice")));

    assertThat(actor)
        .isEqualTo(new Actor("alice", Role.OPERATOR, Optional.empty(), "oidc:" + ISSUER));
  }

  @Test
  void takesTheRoleFromASpaceSeparatedString() {
    Actor actor = defaults.actor(jwt(Map.of("roles", " openid  auditor profile ")));

    assertThat(actor.role()).isEqualTo(Role.AUDITOR);
  }

  @Test
  void matchesRoleNamesCaseInsensitivelyWithOrWithoutRolePrefix() {
    assertThat(defaults.actor(jwt(Map.of("roles", List.of("Admin")))).role()).isEqualTo(Role.ADMIN);
    assertThat(defaults.actor(jwt(Map.of("roles", List.of("ROLE_OPERATOR")))).role())
        .isEqualTo(Role.OPERATOR);
    assertThat(defaults.actor(jwt(Map.of("roles", List.of("role_auditor")))).role())
        .isEqualTo(Role.AUDITOR);
  }

  @Test
  void ignoresRolesThatAreNotTheSuites() {
    Actor actor =
        defaults.actor(
            jwt(Map.of("roles", List.of("offline_access", "OPERATOR", "uma_authorization"))));

    assertThat(actor.role()).isEqualTo(Role.OPERATOR);
  }

  @Test
  void readsTheConfiguredClaimsAndStripsTheConfiguredPrefix() {
    JwtActors configured =
        new JwtActors(new SecurityProperties.Oidc("groups", "email", "shop", "paystream-"));

    Actor actor =
        configured.actor(
            jwt(
                Map.of(
                    "groups",
                    List.of("MERCHANT", "paystream-merchant"),
                    "roles",
                    List.of("ADMIN"),
                    "email",
                    "owner@shop.example",
                    "shop",
                    "m-42")));

    assertThat(actor)
        .isEqualTo(
            new Actor("owner@shop.example", Role.MERCHANT, Optional.of("m-42"), "oidc:" + ISSUER));
  }

  @Test
  void readsRolesNestedUnderADottedClaimPath() {
    JwtActors keycloak =
        new JwtActors(new SecurityProperties.Oidc("realm_access.roles", null, null, null));

    Actor actor =
        keycloak.actor(
            jwt(Map.of("realm_access", Map.of("roles", List.of("default-roles", "auditor")))));

    assertThat(actor.role()).isEqualTo(Role.AUDITOR);
    assertThatThrownBy(() -> keycloak.actor(jwt(Map.of("realm_access", "auditor"))))
        .isInstanceOf(InvalidBearerTokenException.class);
  }

  @Test
  void withAPrefixConfiguredUnprefixedNamesCountForNothing() {
    JwtActors configured =
        new JwtActors(new SecurityProperties.Oidc(null, null, null, "paystream-"));

    assertThatThrownBy(() -> configured.actor(jwt(Map.of("roles", List.of("OPERATOR")))))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("exactly one role");
  }

  @Test
  void refusesATokenWithoutASuiteRole() {
    assertThatThrownBy(() -> defaults.actor(jwt(Map.of("roles", List.of("offline_access")))))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("exactly one role of the suite in claim 'roles'");
    assertThatThrownBy(() -> defaults.actor(jwt(Map.of("scope", "openid"))))
        .isInstanceOf(InvalidBearerTokenException.class);
  }

  @Test
  void refusesATokenWithTwoSuiteRoles() {
    assertThatThrownBy(() -> defaults.actor(jwt(Map.of("roles", List.of("OPERATOR", "AUDITOR")))))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("exactly one role");
  }

  @Test
  void oneRoleNamedTwiceIsOneRole() {
    assertThat(defaults.actor(jwt(Map.of("roles", List.of("OPERATOR", "ROLE_operator")))).role())
        .isEqualTo(Role.OPERATOR);
  }

  @Test
  void refusesAMerchantTokenWithoutMerchantClaim() {
    assertThatThrownBy(() -> defaults.actor(jwt(Map.of("roles", List.of("MERCHANT")))))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("claim 'merchant_id'");
  }

  @Test
  void aMerchantTokenActsForItsMerchant() {
    Actor actor = defaults.actor(jwt(Map.of("roles", List.of("MERCHANT"), "merchant_id", "m-7")));

    assertThat(actor.merchantId()).contains("m-7");
    assertThat(actor.maySee("m-7")).isTrue();
    assertThat(actor.maySee("m-8")).isFalse();
  }

  @Test
  void aMerchantClaimOnAnotherRoleIsIgnored() {
    Actor actor = defaults.actor(jwt(Map.of("roles", List.of("AUDITOR"), "merchant_id", "m-7")));

    assertThat(actor.merchantId()).isEmpty();
  }

  @Test
  void namesTheSubjectWhenTheNameClaimIsMissingOrBlank() {
    assertThat(defaults.actor(jwt(Map.of("roles", List.of("AUDITOR")))).name()).isEqualTo("7f1c2b");
    assertThat(
            defaults
                .actor(jwt(Map.of("roles", List.of("AUDITOR"), "preferred_username", " ")))
                .name())
        .isEqualTo("7f1c2b");
  }

  @Test
  void anIssuerThatIsNoUrlIsStillNamed() {
    Jwt token =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuer("paystream idp")
            .subject("alice")
            .claim("roles", List.of("OPERATOR"))
            .build();

    assertThat(defaults.actor(token).credential()).isEqualTo("oidc:paystream idp");
  }

  @Test
  void convertsToAnAuthenticationWithTheRoleAsAuthority() {
    var authentication = defaults.convert(jwt(Map.of("roles", List.of("OPERATOR"))));

    assertThat(authentication.isAuthenticated()).isTrue();
    assertThat(authentication.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_OPERATOR");
    assertThat(authentication.getName()).isEqualTo("operator:7f1c2b");
  }
}
