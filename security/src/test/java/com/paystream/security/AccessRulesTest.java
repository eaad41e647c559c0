package com.paystream.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessRulesTest {

  private final AccessRules rules =
      AccessRules.builder()
          .open(HttpMethod.POST, "/v1/hooks/{provider}")
          .allow(HttpMethod.GET, "/v1/things/mine", Role.MERCHANT)
          .allow(HttpMethod.GET, "/v1/things/{id}", Role.AUDITOR, Role.OPERATOR)
          .allow(HttpMethod.POST, "/v1/things", Role.OPERATOR)
          .allow(HttpMethod.GET, "/v1/files/**", Role.AUDITOR)
          .build();

  @Test
  void commonPublicRoutesAreOpenForGetOnly() {
    for (String path :
        List.of(
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs.yaml",
            "/v3/api-docs/swagger-config")) {
      assertThat(rules.ruleFor("GET", path))
          .hasValueSatisfying(rule -> assertThat(rule.open()).isTrue());
    }
    assertThat(rules.ruleFor("POST", "/actuator/health")).isEmpty();
    assertThat(rules.ruleFor("GET", "/actuator/env")).isEmpty();
    assertThat(rules.ruleFor("GET", "/actuator").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.OPERATOR, Role.AUDITOR, Role.ADMIN);
    assertThat(rules.ruleFor("GET", "/actuator/metrics/jvm.memory.used")).isPresent();
  }

  @Test
  void theFirstMatchingRuleWins() {
    assertThat(rules.ruleFor("GET", "/v1/things/mine").orElseThrow().roles())
        .containsExactly(Role.MERCHANT);
    assertThat(rules.ruleFor("GET", "/v1/things/t-1").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.AUDITOR, Role.OPERATOR);
  }

  @Test
  void rulesKeepTheCommonPublicRoutesFirstThenTheServicesInOrder() {
    assertThat(rules.rules())
        .extracting(AccessRules.Rule::describe)
        .containsExactly(
            "GET /actuator/health -> public",
            "GET /actuator/health/** -> public",
            "GET /actuator/prometheus -> public",
            "GET /v3/api-docs -> public",
            "GET /v3/api-docs.yaml -> public",
            "GET /v3/api-docs/** -> public",
            "GET /actuator -> ADMIN, AUDITOR, OPERATOR",
            "GET /actuator/info -> ADMIN, AUDITOR, OPERATOR",
            "GET /actuator/metrics -> ADMIN, AUDITOR, OPERATOR",
            "GET /actuator/metrics/** -> ADMIN, AUDITOR, OPERATOR",
            "POST /v1/hooks/{provider} -> public",
            "GET /v1/things/mine -> MERCHANT",
            "GET /v1/things/{id} -> AUDITOR, OPERATOR",
            "POST /v1/things -> OPERATOR",
            "GET /v1/files/** -> AUDITOR");
  }

  @Test
  void anUnlistedRequestMatchesNoRule() {
    assertThat(rules.ruleFor("DELETE", "/v1/things/t-1")).isEmpty();
    assertThat(rules.ruleFor("GET", "/v1/things")).isEmpty();
    assertThat(rules.ruleFor("GET", "/v1/things/t-1/history")).isEmpty();
    assertThat(rules.ruleFor("GET", "/v2/things/t-1")).isEmpty();
  }

  @Test
  void coversARouteWithVariablesUnderARule() {
    assertThat(rules.covers("GET", "/v1/things/{thingId}")).isTrue();
    assertThat(rules.covers("POST", "/v1/hooks/{name}")).isTrue();
    assertThat(rules.covers("GET", "/v1/files/{*path}")).isTrue();
    assertThat(rules.covers("GET", "/actuator/health/**")).isTrue();
  }

  @Test
  void doesNotCoverAnUnlistedRouteOrTheWrongMethod() {
    assertThat(rules.covers("GET", "/v1/widgets/{id}")).isFalse();
    assertThat(rules.covers("PUT", "/v1/things/{id}")).isFalse();
    assertThat(rules.covers("GET", "/v1/things")).isFalse();
  }

  @Test
  void samplesEveryVariableAndWildcard() {
    assertThat(AccessRules.sample("/v1/things/{id}/parts/{part}"))
        .isEqualTo("/v1/things/sample1/parts/sample1");
    assertThat(AccessRules.sample("/v1/files/{*path}")).isEqualTo("/v1/files/sample/rest");
    assertThat(AccessRules.sample("/actuator/health/**")).isEqualTo("/actuator/health/sample/rest");
    assertThat(AccessRules.sample("/v1/*/things")).isEqualTo("/v1/sample2/things");
    assertThat(AccessRules.sample("/v1/things")).isEqualTo("/v1/things");
  }

  @Test
  void aRuleCopiesItsRoles() {
    var roles = new java.util.HashSet<>(Set.of(Role.AUDITOR));
    var rule = new AccessRules.Rule(java.util.Optional.empty(), "/x", roles, false);
    roles.add(Role.ADMIN);

    assertThat(rule.roles()).containsExactly(Role.AUDITOR);
    assertThat(rule.describe()).isEqualTo("* /x -> AUDITOR");
  }
}
