package com.paystream.ledger.input.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The ledger's own refusals as RFC 9457 problem+json with a stable {@code reason}, and, as the body
 * of every problem any handler answers (the security module's edge answers the input policy's and
 * the framework's refusals), a {@code reason} derived from its {@code code} (INSUFFICIENT_FUNDS →
 * insufficient-funds) or status, and an {@code instance} that names the route, not the path as sent
 * (which may carry a long, bad value).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LedgerProblems implements ResponseBodyAdvice<Object> {

  @ExceptionHandler(LedgerRefusedException.class)
  ResponseEntity<ProblemDetail> refused(LedgerRefusedException e) {
    return problem(e.status(), e.code(), e.getMessage());
  }

  /** A problem with a {@code code} (kept for existing clients) and the {@code reason} from it. */
  public static ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    problem.setProperty("reason", reasonOf(code));
    return ResponseEntity.status(status).body(problem);
  }

  /** INSUFFICIENT_FUNDS → insufficient-funds; a reason that is one already stays as it is. */
  public static String reasonOf(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem) {
      Map<String, Object> properties = problem.getProperties();
      if (properties == null || !properties.containsKey("reason")) {
        Object code = properties == null ? null : properties.get("code");
        problem.setProperty(
            "reason", code != null ? reasonOf(code.toString()) : byStatus(problem.getStatus()));
      }
      if (request instanceof ServletServerHttpRequest servlet) {
        problem.setInstance(route(servlet.getServletRequest()));
      }
    }
    return body;
  }

  /** The route template when one matched ({@code /v1/holds/{holdId}}), else a capped path. */
  private static URI route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String path = pattern != null ? pattern.toString() : request.getRequestURI();
    String safe = path.replaceAll("[^A-Za-z0-9/_.{}-]", "_");
    String capped =
        pattern != null || safe.length() <= InputPolicy.ECHO_LIMIT
            ? safe
            : safe.substring(0, InputPolicy.ECHO_LIMIT);
    try {
      return new URI(null, null, capped, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a path of safe characters is a URI: " + capped, e);
    }
  }

  private static String byStatus(int status) {
    return switch (status) {
      case 404 -> InputReason.NOT_FOUND.code();
      case 405 -> InputReason.METHOD_NOT_ALLOWED.code();
      case 406 -> InputReason.NOT_ACCEPTABLE.code();
      case 413 -> InputReason.PAYLOAD_TOO_LARGE.code();
      case 415 -> InputReason.UNSUPPORTED_MEDIA_TYPE.code();
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 409 -> "conflict";
      default -> status >= 500 ? "internal-error" : InputReason.MALFORMED_REQUEST.code();
    };
  }
}
