package com.paystream.ledger.audit.web;

import com.paystream.ledger.audit.Act;
import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Act} of a servlet request: its authenticated actor (or anonymous) and its ids. */
public final class Acts {

  private Acts() {}

  /** The act of the request this thread serves. */
  public static Act current(HttpServletRequest request) {
    return of(request, authenticated());
  }

  static Act of(HttpServletRequest request, Optional<Actor> actor) {
    return of(RequestIds.of(request), actor);
  }

  static Act of(RequestIds.Ids ids, Optional<Actor> actor) {
    return actor
        .map(
            a ->
                new Act(a.label(), a.role().name(), a.credential(), ids.requestId(), ids.traceId()))
        .orElseGet(() -> Act.anonymous(ids.requestId(), ids.traceId()));
  }

  static Optional<Actor> authenticated() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof ActorAuthentication known
        ? Optional.of(known.actor())
        : Optional.empty();
  }
}
