package com.paystream.testkit.postgres.backup;

/** How long a base backup is kept: hourly ones for days, daily ones for weeks. */
public enum BackupKind {
  HOURLY,
  DAILY
}
