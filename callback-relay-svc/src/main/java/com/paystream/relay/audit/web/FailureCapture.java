package com.paystream.relay.audit.web;

import com.paystream.relay.audit.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Notes why a handler failed, for the refusal's audit record, and leaves the answer to the
 * resolvers after it (it resolves nothing).
 */
public final class FailureCapture implements HandlerExceptionResolver, Ordered {

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    AuditContext.current().ifPresent(context -> context.failure(ex));
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
