package com.paystream.ledger.audit.web;

import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.security.RefusalAudit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records every refused state-changing request as REFUSED, each in a transaction of its own (a
 * refusal changed nothing): those the security layer refuses (401, 403) as its {@link
 * RefusalAudit}, and those a handler answers with a 4xx (validation, state, self-approval) after
 * they completed, with the problem's code and detail as the reason. Accepted requests are recorded
 * by the change itself, in its transaction.
 */
@ControllerAdvice
public class RefusalRecorder
    implements RefusalAudit, HandlerInterceptor, ResponseBodyAdvice<Object> {

  private static final String REASON = RefusalRecorder.class.getName() + ".reason";

  private final AuditTrail trail;

  public RefusalRecorder(AuditTrail trail) {
    this.trail = trail;
  }

  /** A 401 or 403 of the security layer: the request never reached a handler. */
  @Override
  public void refused(Refusal refusal) {
    if (!AuditActions.audited(refusal.method(), refusal.path())) {
      return;
    }
    Optional<HttpServletRequest> request = RequestIds.currentRequest();
    boolean early = request.map(r -> "true".equals(r.getParameter("early"))).orElse(false);
    AuditActions.Named named = AuditActions.of(refusal.method(), refusal.path(), early);
    Act act =
        request
            .map(r -> Acts.of(r, refusal.actor()))
            .orElseGet(
                () ->
                    Acts.of(
                        new RequestIds.Ids(java.util.UUID.randomUUID().toString(), ""),
                        refusal.actor()));
    trail.refused(act, named.action(), named.target(), refusal.status() + " " + refusal.reason());
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    int status = response.getStatus();
    if (status < 400
        || status >= 500
        || !AuditActions.audited(request.getMethod(), path(request))) {
      return;
    }
    AuditActions.Named named =
        AuditActions.of(
            request.getMethod(), path(request), "true".equals(request.getParameter("early")));
    Object reason = request.getAttribute(REASON);
    trail.refused(
        Acts.current(request),
        named.action(),
        named.target(),
        status + (reason == null ? "" : " " + reason));
  }

  /** Keeps the problem's code and detail of a refused request, as the reason to record. */
  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem
        && request instanceof ServletServerHttpRequest servlet) {
      Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
      Object why = problem.getProperties() == null ? null : problem.getProperties().get("reason");
      String text = (code != null ? code : why != null ? why : problem.getTitle()) + "";
      servlet
          .getServletRequest()
          .setAttribute(
              REASON, text + (problem.getDetail() == null ? "" : ": " + problem.getDetail()));
    }
    return body;
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  private static String path(HttpServletRequest request) {
    String context = request.getContextPath();
    String uri = request.getRequestURI();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}
