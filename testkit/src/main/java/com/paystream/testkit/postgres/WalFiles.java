package com.paystream.testkit.postgres;

/**
 * WAL segment names, computed as PostgreSQL does ({@code XLogFileName}): {@code pg_walfile_name}
 * refuses to run during recovery, so a backup taken on a standby names its segments itself.
 */
public final class WalFiles {

  private static final long LOG_ID_SPAN = 0x1_0000_0000L;

  private WalFiles() {}

  /**
   * The segment holding the byte just before {@code lsn} ({@code X/Y}), as {@code pg_walfile_name}:
   * an LSN on a segment boundary ends the previous segment.
   */
  public static String name(int timeline, String lsn, long segmentSize) {
    long segment = (parseLsn(lsn) - 1) / segmentSize;
    long segmentsPerLogId = LOG_ID_SPAN / segmentSize;
    return String.format(
        "%08X%08X%08X", timeline, segment / segmentsPerLogId, segment % segmentsPerLogId);
  }

  /** An LSN as PostgreSQL prints it ({@code 16/B374D848}) as a byte position. */
  public static long parseLsn(String lsn) {
    int slash = lsn.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not an LSN: " + lsn);
    }
    return (Long.parseLong(lsn.substring(0, slash), 16) << 32)
        | Long.parseLong(lsn.substring(slash + 1), 16);
  }
}
