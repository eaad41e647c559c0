package com.paystream.security.reactive;

import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/** The actor of the current reactive request. */
public final class ReactiveActors {

  private ReactiveActors() {}

  /**
   * The authenticated actor; a handler behind a role rule always has one.
   *
   * @return the actor, or an {@link IllegalStateException} outside an authenticated request
   */
  public static Mono<Actor> current() {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(ActorAuthentication.class::isInstance)
        .map(authentication -> ((ActorAuthentication) authentication).actor())
        .switchIfEmpty(
            Mono.error(new IllegalStateException("no authenticated actor on this request")));
  }
}
