package com.paystream.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which roles may call which route of one service. Everything not listed is denied: a route is
 * either public (health probes, metrics, API descriptions and what the service adds, such as signed
 * webhooks) or open to the roles of the first rule that matches it. Each service declares its rules
 * as one bean; its route-inventory test fails when a mapped route matches no rule.
 */
public final class AccessRules {

  /** Public in every service. */
  public static final List<String> COMMON_PUBLIC =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/actuator/prometheus",
          "/v3/api-docs",
          "/v3/api-docs.yaml",
          "/v3/api-docs/**");

  /** Actuator endpoints for operators, auditors and admins in every service. */
  public static final List<String> STAFF_ACTUATOR =
      List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/metrics/**");

  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

  /** One rule: a method (or every method) and a path pattern, and either public or some roles. */
  public record Rule(Optional<HttpMethod> method, String pattern, Set<Role> roles, boolean open) {

    public Rule {
      roles = Set.copyOf(roles);
    }

    boolean matches(String httpMethod, String path) {
      return method.map(m -> m.name().equals(httpMethod)).orElse(true)
          && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
    }

    /** As the README's authorization table writes it. */
    public String describe() {
      String who =
          open ? "public" : String.join(", ", roles.stream().map(Role::name).sorted().toList());
      return method.map(HttpMethod::name).orElse("*") + " " + pattern + " -> " + who;
    }
  }

  private final List<Rule> rules;

  private AccessRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rules in order: the common public routes first, then the service's own. */
  public List<Rule> rules() {
    return rules;
  }

  /** The first rule matching a request, as Spring Security would pick it; empty means denied. */
  public Optional<Rule> ruleFor(String httpMethod, String path) {
    return rules.stream().filter(rule -> rule.matches(httpMethod, path)).findFirst();
  }

  /**
   * Whether a mapped route (its method and path pattern, e.g. {@code GET /v1/payments/{id}}) is
   * covered by a rule: the pattern's variables are filled with a sample value and the path matched.
   */
  public boolean covers(String httpMethod, String routePattern) {
    return ruleFor(httpMethod, sample(routePattern)).isPresent();
  }

  /** A concrete path for a route pattern: every variable and wildcard replaced by a value. */
  public static String sample(String routePattern) {
    PathPattern parsed = PARSER.parse(routePattern);
    return parsed
        .getPatternString()
        .replaceAll("\\{\\*[^}]*}", "sample/rest")
        .replaceAll("\\{[^}]*}", "sample1")
        .replace("**", "sample/rest")
        .replace("*", "sample2");
  }

  /** Builds a service's rules. */
  public static final class Builder {

    private final List<Rule> rules = new ArrayList<>();

    private Builder() {
      COMMON_PUBLIC.forEach(
          pattern -> rules.add(new Rule(Optional.of(HttpMethod.GET), pattern, Set.of(), true)));
      // The rest of what the actuator exposes (its index, info, metrics) is for the people who
      // run and check the service; any other actuator endpoint stays denied, even if exposed.
      for (String pattern : STAFF_ACTUATOR) {
        rules.add(
            new Rule(
                Optional.of(HttpMethod.GET),
                pattern,
                EnumSet.of(Role.OPERATOR, Role.AUDITOR, Role.ADMIN),
                false));
      }
    }

    /** A route anyone may call without credentials (it proves itself otherwise, or is harmless). */
    public Builder open(HttpMethod method, String pattern) {
      rules.add(new Rule(Optional.of(method), pattern, Set.of(), true));
      return this;
    }

    /** A route the given roles may call. */
    public Builder allow(HttpMethod method, String pattern, Role first, Role... more) {
      rules.add(new Rule(Optional.of(method), pattern, EnumSet.of(first, more), false));
      return this;
    }

    public AccessRules build() {
      return new AccessRules(rules);
    }
  }
}
