package com.paystream.security;

import java.util.List;

/**
 * A route a running service maps: a method and a path pattern, and what handles it.
 *
 * @param method an HTTP method name; {@code *} for a route that takes every method
 */
public record Route(String method, String pattern, String handler) {

  private static final List<String> EVERY_METHOD =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /**
   * The routes no rule covers: each would be denied to everyone, and is a mistake. A route taking
   * every method is covered when a rule opens it for at least one.
   */
  public static List<Route> uncovered(List<Route> routes, AccessRules rules) {
    return routes.stream()
        .filter(
            route ->
                route.method().equals("*")
                    ? EVERY_METHOD.stream().noneMatch(m -> rules.covers(m, route.pattern()))
                    : !rules.covers(route.method(), route.pattern()))
        .toList();
  }

  @Override
  public String toString() {
    return method + " " + pattern + " (" + handler + ")";
  }
}
