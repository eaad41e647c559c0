package com.paystream.security;

import java.util.Optional;

/**
 * Told of every request the security layer refuses (401 or 403) before it reaches a handler, so
 * that the service can keep its audit record. A servlet service implements it as a bean; it must
 * not throw.
 */
public interface RefusalAudit {

  void refused(Refusal refusal);

  /**
   * One refused request.
   *
   * @param actor who it was, when the credentials were valid but the role was not enough
   */
  record Refusal(String method, String path, Optional<Actor> actor, int status, String reason) {}
}
