package com.paystream.recon.audit.web;

import com.paystream.recon.audit.AuditContext;
import com.paystream.security.ActorAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the security layer: keeps the proved actor in the request's audit context, so that a
 * refusal recorded once the security context is gone still names who was refused.
 */
public final class ActorCaptureFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ActorAuthentication proved) {
      AuditContext.current().ifPresent(context -> context.actor(proved.actor()));
    }
    chain.doFilter(request, response);
  }
}
