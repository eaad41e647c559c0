package com.paystream.testkit.postgres.backup;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A transaction committed on the primary to say how far the archive reaches. Its commit record's
 * time is at or after {@code at} (the server's {@code clock_timestamp()} inside the transaction)
 * and the record ends in {@code walFile}. Once that segment is archived, recovery to any instant up
 * to {@code at} finds a commit at or after it and stops there, instead of running out of WAL.
 */
public record CommitMark(Instant at, String walFile) {

  public CommitMark {
    WalFileName.segment(walFile);
  }

  String toLine() {
    return at + " " + walFile;
  }

  /** A line of {@code commit-marks.log}; a torn last line (a crash while appending) is skipped. */
  static Optional<CommitMark> fromLine(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CommitMark(Instant.parse(parts[0]), parts[1]));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  WalFileName walFileName() {
    return WalFileName.segment(walFile);
  }
}
