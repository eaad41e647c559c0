package com.paystream.security;

import java.util.List;

/**
 * A route a running service maps: a method and a path pattern, and what handles it.
 *
 * @param method an HTTP method name; {@code *} for a route that takes every method
 */
public record Route(String method, String pattern, String handler) {

  /** The routes no rule covers: each would be denied to everyone, and is a mistake. */
  public static List<Route> uncovered(List<Route> routes, AccessRules rules) {
    return routes.stream()
        .filter(
            route ->
                route.method().equals("*")
                    ? !rules.covers("GET", route.pattern())
                    : !rules.covers(route.method(), route.pattern()))
        .toList();
  }

  @Override
  public String toString() {
    return method + " " + pattern + " (" + handler + ")";
  }
}
