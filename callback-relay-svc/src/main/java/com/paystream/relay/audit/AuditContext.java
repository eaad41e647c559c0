package com.paystream.relay.audit;

import com.paystream.security.Actor;
import java.util.Optional;

/**
 * What the audit trail knows of the HTTP request being served on this thread: its ids, who made it
 * (once the security layer proved it), and whether its outcome was recorded already (so that a
 * refusal is recorded once, by whoever saw it first).
 */
public final class AuditContext {

  private static final ThreadLocal<AuditContext> CURRENT = new ThreadLocal<>();

  private final String requestId;
  private final String traceId;
  private final String method;
  private final String path;
  private Actor actor;
  private boolean recorded;
  private Throwable failure;

  public AuditContext(String requestId, String traceId, String method, String path) {
    this.requestId = requestId;
    this.traceId = traceId;
    this.method = method;
    this.path = path;
  }

  /** The request served on this thread, if any (none for scheduled work). */
  public static Optional<AuditContext> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static void open(AuditContext context) {
    CURRENT.set(context);
  }

  public static void close() {
    CURRENT.remove();
  }

  public String requestId() {
    return requestId;
  }

  public String traceId() {
    return traceId;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Optional<Actor> actor() {
    return Optional.ofNullable(actor);
  }

  public void actor(Actor proved) {
    this.actor = proved;
  }

  public boolean recorded() {
    return recorded;
  }

  public void markRecorded() {
    this.recorded = true;
  }

  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  public void failure(Throwable e) {
    this.failure = e;
  }

  /** Whether the request may change state (everything but GET, HEAD, OPTIONS and TRACE). */
  public boolean changesState() {
    return !(method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS")
        || method.equals("TRACE"));
  }
}
