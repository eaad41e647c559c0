package com.paystream.relay.operator.web;

import com.paystream.relay.operator.OperatorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through only with a known operator's bearer token, and hands the operator's name
 * to the handler (for the audit record). Anything else gets 401 as problem JSON.
 */
final class OperatorInterceptor implements HandlerInterceptor {

  static final String OPERATOR = "paystream.operator";
  private static final Logger log = LoggerFactory.getLogger(OperatorInterceptor.class);
  private static final String UNAUTHORIZED =
      """
      {"type":"about:blank","title":"Unauthorized","status":401,\
      "detail":"an operator token is required: Authorization: Bearer <token>","instance":"%s"}""";

  private final OperatorAuthentication authentication;

  OperatorInterceptor(OperatorAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    Optional<String> operator =
        authentication.operatorFor(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (operator.isPresent()) {
      request.setAttribute(OPERATOR, operator.get());
      return true;
    }
    log.atWarn()
        .addKeyValue("path", request.getRequestURI())
        .addKeyValue("remote", request.getRemoteAddr())
        .log("operator API request without a valid token");
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"callback-relay-svc\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(UNAUTHORIZED.formatted(jsonSafe(request.getRequestURI())));
    return false;
  }

  private static String jsonSafe(String text) {
    return text.replaceAll("[^A-Za-z0-9/_.:-]", "_");
  }
}
