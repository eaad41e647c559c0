package com.paystream.security.servlet;

import com.paystream.security.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route a running servlet application maps: annotated controllers, actuator endpoints and
 * functional routes ({@code RouterFunction} beans) alike.
 */
public final class ServletRoutes {

  private ServletRoutes() {}

  public static List<Route> of(ApplicationContext context) {
    List<Route> routes = new ArrayList<>();
    for (RequestMappingInfoHandlerMapping mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      mapping
          .getHandlerMethods()
          .forEach(
              (info, handler) -> {
                if (isErrorPage(handler)) {
                  return;
                }
                for (String pattern : info.getPatternValues()) {
                  for (String method : methods(info)) {
                    routes.add(new Route(method, pattern, handler.getShortLogMessage()));
                  }
                }
              });
    }
    for (RouterFunctionMapping mapping :
        context.getBeansOfType(RouterFunctionMapping.class).values()) {
      RouterFunction<?> function = mapping.getRouterFunction();
      if (function != null) {
        function.accept(new Collector(routes));
      }
    }
    return routes;
  }

  private static Set<String> methods(RequestMappingInfo info) {
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    return methods.isEmpty()
        ? Set.of("*")
        : Set.copyOf(methods.stream().map(RequestMethod::name).toList());
  }

  /**
   * The error page (ours or Spring Boot's): rendered only by error dispatch, which never reaches a
   * handler otherwise (security denies {@code /error} to direct requests).
   */
  private static boolean isErrorPage(HandlerMethod handler) {
    return org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(
        handler.getBeanType());
  }

  /** Collects method and path of each functional route (predicates joined by AND). */
  private static final class Collector implements RouterFunctions.Visitor {

    private final List<Route> routes;
    private final List<String> prefixes = new ArrayList<>();

    Collector(List<Route> routes) {
      this.routes = routes;
    }

    @Override
    public void startNested(RequestPredicate predicate) {
      Parts parts = new Parts();
      predicate.accept(parts);
      prefixes.add(parts.path == null ? "" : parts.path);
    }

    @Override
    public void endNested(RequestPredicate predicate) {
      prefixes.remove(prefixes.size() - 1);
    }

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
      Parts parts = new Parts();
      predicate.accept(parts);
      String path = String.join("", prefixes) + (parts.path == null ? "/**" : parts.path);
      if (parts.methods.isEmpty()) {
        routes.add(new Route("*", path, predicate.toString()));
      }
      parts.methods.forEach(
          method -> routes.add(new Route(method.name(), path, predicate.toString())));
    }

    @Override
    public void resources(Function<ServerRequest, Optional<Resource>> lookupFunction) {
      routes.add(new Route("GET", "/**", "static resources"));
    }

    @Override
    public void attributes(Map<String, Object> attributes) {}

    @Override
    public void unknown(RouterFunction<?> routerFunction) {
      routes.add(new Route("*", "/**", "unknown router function " + routerFunction));
    }
  }

  private static final class Parts implements RequestPredicates.Visitor {

    private final List<HttpMethod> methods = new ArrayList<>();
    private String path;

    @Override
    public void method(Set<HttpMethod> httpMethods) {
      methods.addAll(httpMethods);
    }

    @Override
    public void path(String pattern) {
      path = pattern;
    }

    @Override
    public void pathExtension(String extension) {}

    @Override
    public void header(String name, String value) {}

    @Override
    public void param(String name, String value) {}

    @Override
    public void version(String version) {}

    @Override
    public void startAnd() {}

    @Override
    public void and() {}

    @Override
    public void endAnd() {}

    @Override
    public void startOr() {}

    @Override
    public void or() {}

    @Override
    public void endOr() {}

    @Override
    public void startNegate() {}

    @Override
    public void endNegate() {}

    @Override
    public void unknown(RequestPredicate predicate) {}
  }
}
