package com.paystream.testkit.postgres.backup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file in the WAL archive, read from its name: a segment {@code TTTTTTTTLLLLLLLLSSSSSSSS}
 * (timeline, log, segment in hex), the last segment of a left timeline ({@code .partial}), a backup
 * history file ({@code <segment>.<offset>.backup}) or a timeline history file ({@code
 * TTTTTTTT.history}).
 *
 * @param name the file name as archived
 * @param type what the file is
 * @param timeline the timeline it belongs to
 * @param position the segment's place in the WAL, {@code LLLLLLLLSSSSSSSS}; empty for a history
 *     file
 */
public record WalFileName(String name, Type type, int timeline, String position) {

  /** What an archived file is. */
  public enum Type {
    SEGMENT,
    PARTIAL,
    BACKUP_HISTORY,
    TIMELINE_HISTORY
  }

  private static final Pattern SEGMENT =
      Pattern.compile("([0-9A-F]{8})([0-9A-F]{16})(\\.partial|\\.[0-9A-F]{8}\\.backup)?");
  private static final Pattern HISTORY = Pattern.compile("([0-9A-F]{8})\\.history");

  /** The name read, or empty for anything else (temp files of the archive command, strays). */
  public static Optional<WalFileName> parse(String name) {
    Matcher segment = SEGMENT.matcher(name);
    if (segment.matches()) {
      String suffix = segment.group(3);
      Type type =
          suffix == null
              ? Type.SEGMENT
              : suffix.equals(".partial") ? Type.PARTIAL : Type.BACKUP_HISTORY;
      return Optional.of(
          new WalFileName(
              name, type, Integer.parseUnsignedInt(segment.group(1), 16), segment.group(2)));
    }
    Matcher history = HISTORY.matcher(name);
    if (history.matches()) {
      return Optional.of(
          new WalFileName(
              name, Type.TIMELINE_HISTORY, Integer.parseUnsignedInt(history.group(1), 16), ""));
    }
    return Optional.empty();
  }

  /**
   * Like {@link #parse} for a name that must be a plain segment (a backup's start or stop file).
   */
  public static WalFileName segment(String name) {
    return parse(name)
        .filter(file -> file.type() == Type.SEGMENT)
        .orElseThrow(() -> new IllegalArgumentException("not a WAL segment file name: " + name));
  }

  public boolean isHistory() {
    return type == Type.TIMELINE_HISTORY;
  }

  /**
   * The segment's number counted from the start of the WAL, for a segment size in bytes ({@code
   * wal_segment_size}, 16 MiB unless initdb was told otherwise).
   */
  public long segmentNumber(long segmentBytes) {
    requirePosition();
    long log = Long.parseLong(position.substring(0, 8), 16);
    long segment = Long.parseLong(position.substring(8), 16);
    return log * segmentsPerLog(segmentBytes) + segment;
  }

  /**
   * Orders by place in the WAL whatever the timeline, as pg_archivecleanup does: a segment before a
   * backup's start is needed by no timeline that backup can restore to.
   */
  public int comparePosition(WalFileName other) {
    requirePosition();
    other.requirePosition();
    return position.compareTo(other.position);
  }

  /** The name of the segment on {@code timeline} right after this one. */
  public String nextSegmentName(int timeline, long segmentBytes) {
    long next = segmentNumber(segmentBytes) + 1;
    long perLog = segmentsPerLog(segmentBytes);
    return String.format("%08X%08X%08X", timeline, next / perLog, next % perLog);
  }

  private static long segmentsPerLog(long segmentBytes) {
    if (segmentBytes <= 0 || 0x1_0000_0000L % segmentBytes != 0) {
      throw new IllegalArgumentException("not a WAL segment size: " + segmentBytes);
    }
    return 0x1_0000_0000L / segmentBytes;
  }

  private void requirePosition() {
    if (isHistory()) {
      throw new IllegalStateException(name + " is a timeline history file, not in the WAL order");
    }
  }
}
