package com.paystream.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A proved {@link Actor} as Spring Security's authentication: one authority, its role. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final transient Actor actor;

  public ActorAuthentication(Actor actor) {
    super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
    this.actor = actor;
    setAuthenticated(true);
  }

  public Actor actor() {
    return actor;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Actor getPrincipal() {
    return actor;
  }

  @Override
  public String getName() {
    return actor.label();
  }
}
