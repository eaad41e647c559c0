package com.paystream.gateway.audit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit context of one HTTP request, carried in the Reactor context: its request id (the {@code
 * X-Request-Id} header or a generated one), the trace id of its {@code traceparent}, and whether a
 * record of it was written already (so a refusal is not recorded twice).
 */
public final class RequestContext {

  /** The Reactor context key. */
  public static final Class<RequestContext> KEY = RequestContext.class;

  private final String requestId;
  private final String traceId;
  private final AtomicBoolean audited = new AtomicBoolean();

  public RequestContext(String requestId, String traceId) {
    this.requestId = requestId;
    this.traceId = traceId;
  }

  public String requestId() {
    return requestId;
  }

  public String traceId() {
    return traceId;
  }

  public boolean audited() {
    return audited.get();
  }

  public void markAudited() {
    audited.set(true);
  }
}
