package com.paystream.testkit.postgres.backup;

import java.util.List;
import java.util.Optional;

/**
 * What retention removes: base backup directories by id, archived WAL files by name, and commit
 * marks in segments before {@code walKeptFrom} (the start segment of the oldest kept backup; empty
 * when there is none, and then no WAL is removed).
 */
public record RetentionPlan(
    List<String> backupIds, List<String> walFiles, Optional<WalFileName> walKeptFrom) {

  public RetentionPlan {
    backupIds = List.copyOf(backupIds);
    walFiles = List.copyOf(walFiles);
  }

  public boolean isEmpty() {
    return backupIds.isEmpty() && walFiles.isEmpty();
  }
}
