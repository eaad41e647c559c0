package com.paystream.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RouteTest {

  private final AccessRules rules =
      AccessRules.builder()
          .open(HttpMethod.POST, "/v1/hooks/{provider}")
          .allow(HttpMethod.GET, "/v1/things/{id}", Role.AUDITOR, Role.OPERATOR)
          .allow(HttpMethod.POST, "/v1/things", Role.OPERATOR)
          .build();

  @Test
  void coveredRoutesAreNotReported() {
    List<Route> routes =
        List.of(
            new Route("GET", "/v1/things/{thingId}", "ThingController#get"),
            new Route("POST", "/v1/things", "ThingController#create"),
            new Route("POST", "/v1/hooks/{p}", "HookController#receive"),
            new Route("GET", "/actuator/health", "health"));

    assertThat(Route.uncovered(routes, rules)).isEmpty();
  }

  @Test
  void reportsRoutesNoRuleCovers() {
    Route delete = new Route("DELETE", "/v1/things/{id}", "ThingController#delete");
    Route list = new Route("GET", "/v1/things", "ThingController#list");
    Route anyMethod = new Route("*", "/v1/legacy", "LegacyController#all");

    assertThat(
            Route.uncovered(
                List.of(
                    new Route("POST", "/v1/things", "ThingController#create"),
                    delete,
                    list,
                    anyMethod),
                rules))
        .containsExactly(delete, list, anyMethod);
  }

  @Test
  void aRouteTakingEveryMethodIsCoveredWhenAnyMethodIs() {
    Route anyMethod = new Route("*", "/v1/things", "ThingController#all");

    assertThat(Route.uncovered(List.of(anyMethod), rules)).isEmpty();
  }

  @Test
  void printsMethodPatternAndHandler() {
    assertThat(new Route("GET", "/v1/things/{id}", "ThingController#get"))
        .hasToString("GET /v1/things/{id} (ThingController#get)");
  }
}
