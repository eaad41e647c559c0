package com.paystream.platform.outbox;

import java.util.List;

/** Hook for metrics: told what each committed batch published and dead-lettered. */
public interface PublishObserver {

  PublishObserver NONE = new PublishObserver() {};

  /** Rows the broker acknowledged and whose new delivery state is committed. */
  default void published(List<OutboxRecord> rows) {}

  /** Rows that exhausted their schedule and were dead-lettered. */
  default void deadLettered(List<OutboxRecord> rows) {}

  /** A batch failed and was rolled back; its rows stay due. */
  default void failed(Exception cause) {}
}
