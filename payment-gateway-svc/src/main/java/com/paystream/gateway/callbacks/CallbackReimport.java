package com.paystream.gateway.callbacks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Re-imports into the inbox every published callback it lacks, after its database was restored to
 * an earlier instant: callbacks acknowledged after that instant and already published are on the
 * topic but no longer in the inbox, so a provider's retry of one would be taken as new. Batches are
 * written one after the other, in log order (a payment's callbacks are in one partition, in order).
 */
public final class CallbackReimport {

  /** What a run did: callbacks read, those the inbox lacked, records that were no callback. */
  public record Result(long read, long reimported, long unreadable) {}

  private final ReimportWriter writer;
  private final Duration batchTimeout;

  public CallbackReimport(ReimportWriter writer, Duration batchTimeout) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.batchTimeout = Objects.requireNonNull(batchTimeout, "batchTimeout");
  }

  /** Reads the log to its end and closes it; a failed batch fails the run (nothing is skipped). */
  public Result run(CallbackLog log) {
    long read = 0;
    long reimported = 0;
    try (log) {
      for (List<RecordedCallback> batch = log.next(); !batch.isEmpty(); batch = log.next()) {
        read += batch.size();
        Integer written = writer.reimport(batch).block(batchTimeout);
        reimported += written == null ? 0 : written;
      }
      return new Result(read, reimported, log.unreadable());
    }
  }
}
