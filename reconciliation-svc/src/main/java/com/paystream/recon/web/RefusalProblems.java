package com.paystream.recon.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Reconciliation's own refusals ({@link RequestRefusedException}: unknown break, already resolved)
 * as RFC 9457 problems with a stable {@code reason}. The input policy's and the framework's
 * refusals are the suite's edge's (security module), as in every servlet service. No detail repeats
 * more than {@link InputPolicy#ECHO_LIMIT} characters of what the caller sent.
 */
@RestControllerAdvice(basePackages = "com.paystream.recon")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RefusalProblems {

  @ExceptionHandler(RequestRefusedException.class)
  ProblemDetail refused(RequestRefusedException e, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setProperty("reason", e.reason());
    problem.setInstance(URI.create(Problems.instance(request.getRequestURI())));
    return problem;
  }
}
