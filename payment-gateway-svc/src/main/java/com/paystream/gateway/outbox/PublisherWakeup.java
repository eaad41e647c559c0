package com.paystream.gateway.outbox;

/** Tells the outbox publisher that committed messages wait, so it need not wait for its poll. */
public interface PublisherWakeup {

  void wake();
}
