package com.paystream.gateway.callbacks;

import java.util.List;

/**
 * Callbacks as they were published, read once from a start position up to where the log ended when
 * reading began: each comes with the id, times and facts the gateway recorded it under.
 */
public interface CallbackLog extends AutoCloseable {

  /** The next callbacks in log order; empty once the end seen at the start has been reached. */
  List<RecordedCallback> next();

  /** Records read that were no callback (undecodable); the ledger dead-letters those. */
  long unreadable();

  @Override
  void close();
}
