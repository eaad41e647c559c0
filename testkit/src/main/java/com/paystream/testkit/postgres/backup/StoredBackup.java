package com.paystream.testkit.postgres.backup;

import java.time.Instant;
import java.util.Optional;

/**
 * A directory under {@code base/}: complete when its manifest was written, otherwise in progress or
 * abandoned (its start is read from its id).
 */
public record StoredBackup(String id, Instant started, Optional<BackupManifest> manifest) {

  public static StoredBackup complete(BackupManifest manifest) {
    return new StoredBackup(manifest.id(), manifest.started(), Optional.of(manifest));
  }

  public static StoredBackup incomplete(String id) {
    return new StoredBackup(id, BackupManifest.startedFromId(id), Optional.empty());
  }

  public boolean isComplete() {
    return manifest.isPresent();
  }
}
