package com.paystream.gateway.audit;

import com.paystream.gateway.support.TraceIds;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.util.context.ContextView;

/**
 * The audit context of one HTTP request, carried in the Reactor context: its request id (the {@code
 * X-Request-Id} header or a generated one), its trace and server span ids, and whether a record of
 * it was written already (so a refusal is not recorded twice).
 */
public final class RequestContext {

  /** The Reactor context key. */
  public static final Class<RequestContext> KEY = RequestContext.class;

  private final String requestId;
  private final String traceId;
  private final String spanId;
  private final AtomicBoolean audited = new AtomicBoolean();

  public RequestContext(String requestId, String traceId, String spanId) {
    this.requestId = requestId;
    this.traceId = traceId;
    this.spanId = spanId;
  }

  public String requestId() {
    return requestId;
  }

  public String traceId() {
    return traceId;
  }

  /** The request's server span, or empty: the parent of its audit events' publication. */
  public String spanId() {
    return spanId;
  }

  /**
   * The trace of the request whose Reactor context is {@code context}: work it causes outside the
   * handler's own parameters (an approved action) is recorded in it. None outside a request.
   */
  public static TraceIds trace(ContextView context) {
    return context
        .<RequestContext>getOrEmpty(KEY)
        .map(request -> new TraceIds(request.traceId, request.spanId))
        .orElse(TraceIds.NONE);
  }

  public boolean audited() {
    return audited.get();
  }

  public void markAudited() {
    audited.set(true);
  }
}
