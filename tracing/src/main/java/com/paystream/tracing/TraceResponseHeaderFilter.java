package com.paystream.tracing;

import com.paystream.platform.tracing.TraceParent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with the {@code traceparent} of its server span, so that a caller finds the
 * trace of what it asked for. Runs inside the server observation (after Spring's {@code
 * ServerHttpObservationFilter}), whose span is the current one here.
 */
public final class TraceResponseHeaderFilter extends OncePerRequestFilter {

  private final Traces traces;

  public TraceResponseHeaderFilter(Traces traces) {
    this.traces = traces;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    traces.current().ifPresent(c -> response.setHeader(TraceParent.HEADER, c.header()));
    chain.doFilter(request, response);
  }
}
