package com.paystream.security.servlet;

import com.paystream.security.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/** Every route a running servlet application maps, controllers and actuator endpoints alike. */
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
    return routes;
  }

  private static Set<String> methods(RequestMappingInfo info) {
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    return methods.isEmpty()
        ? Set.of("*")
        : Set.copyOf(methods.stream().map(RequestMethod::name).toList());
  }

  /** Spring Boot's error page: rendered only by error dispatch, which never reaches a handler. */
  private static boolean isErrorPage(HandlerMethod handler) {
    return handler.getBeanType().getName().endsWith(".BasicErrorController");
  }
}
