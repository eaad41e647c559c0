package com.paystream.security.servlet;

import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current servlet request. */
public final class Actors {

  private Actors() {}

  /**
   * The authenticated actor; a handler behind a role rule always has one.
   *
   * @throws IllegalStateException when called outside an authenticated request
   */
  public static Actor current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ActorAuthentication actor) {
      return actor.actor();
    }
    throw new IllegalStateException("no authenticated actor on this request");
  }
}
