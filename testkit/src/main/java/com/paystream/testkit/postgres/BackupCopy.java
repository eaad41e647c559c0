package com.paystream.testkit.postgres;

import java.time.Instant;

/**
 * A base backup {@link BaseBackup#copy} made: a data directory that, with the WAL from {@code
 * startWalFile} to {@code stopWalFile}, restores to a consistent cluster.
 *
 * @param label the label given to {@code pg_backup_start}, also in the copy's {@code backup_label}
 * @param startLsn where replay of the copy begins (the backup's checkpoint redo point), as {@code
 *     X/Y}
 * @param stopLsn where the copy becomes consistent: a restore can stop no earlier
 * @param started the server's clock just before the backup started
 * @param stopped the server's clock just after the backup stopped: a restore target must be later
 * @param timeline the timeline the backup started on
 * @param startWalFile the first WAL segment a restore needs
 * @param stopWalFile the last WAL segment a restore needs to become consistent
 */
public record BackupCopy(
    String label,
    String startLsn,
    String stopLsn,
    Instant started,
    Instant stopped,
    int timeline,
    String startWalFile,
    String stopWalFile) {}
