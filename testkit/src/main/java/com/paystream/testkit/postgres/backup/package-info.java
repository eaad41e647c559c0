/**
 * The WAL archive, scheduled base backups, their retention and point-in-time restore: one archive
 * directory ({@code wal/}, {@code base/<id>/}, {@code commit-marks.log}) outside the data it
 * protects.
 */
package com.paystream.testkit.postgres.backup;
