package com.paystream.testkit.postgres.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * The instants a base backup restores to with the archived WAL: after {@code from} (the backup's
 * stop) and up to {@code to} (the newest commit mark whose segment is archived without a gap after
 * the backup). Without such a mark {@code to} is empty and no instant is guaranteed.
 *
 * @param lastContiguousWalFile the newest segment on the backup's timeline reached without a gap
 */
public record RestorableRange(Instant from, Optional<Instant> to, String lastContiguousWalFile) {

  /** Whether recovery to {@code target} is guaranteed to reach it. */
  public boolean reaches(Instant target) {
    return target.isAfter(from) && to.isPresent() && !target.isAfter(to.get());
  }
}
