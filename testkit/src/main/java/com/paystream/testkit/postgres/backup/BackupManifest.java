package com.paystream.testkit.postgres.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code base/<id>/backup.json} says of a complete base backup. It is written last, so a
 * backup with a manifest is whole.
 *
 * @param id the directory name, {@code <started, UTC, to the second>-<kind>}
 * @param startLsn where replay of the copy must begin
 * @param stopLsn where replay must have reached before the copy is consistent
 * @param startWalFile the segment holding {@code startLsn}: no older WAL is needed
 * @param stopWalFile the segment holding {@code stopLsn}
 * @param sizeBytes the bytes of the copy on disk
 */
public record BackupManifest(
    String id,
    BackupKind kind,
    String label,
    Instant started,
    Instant stopped,
    String startLsn,
    String stopLsn,
    int timeline,
    String startWalFile,
    String stopWalFile,
    long sizeBytes) {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public BackupManifest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(stopped, "stopped");
    WalFileName.segment(startWalFile);
    WalFileName.segment(stopWalFile);
    if (stopped.isBefore(started)) {
      throw new IllegalArgumentException("backup " + id + " stopped before it started");
    }
  }

  /**
   * The id of a backup started at {@code started}: sortable, readable, and enough to tell the age
   * of a directory whose manifest was never written.
   */
  public static String idFor(Instant started, BackupKind kind) {
    return ID_TIME.format(started) + "-" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** When the backup named {@code id} started (to the second), from the id alone. */
  public static Instant startedFromId(String id) {
    int dash = id.indexOf('-');
    String time = dash < 0 ? id : id.substring(0, dash);
    return Instant.from(ID_TIME.parse(time));
  }

  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("kind", kind.name());
    fields.put("label", label);
    fields.put("started", started.toString());
    fields.put("stopped", stopped.toString());
    fields.put("startLsn", startLsn);
    fields.put("stopLsn", stopLsn);
    fields.put("timeline", timeline);
    fields.put("startWalFile", startWalFile);
    fields.put("stopWalFile", stopWalFile);
    fields.put("sizeBytes", sizeBytes);
    return FlatJson.write(fields);
  }

  public static BackupManifest fromJson(String json) {
    Map<String, String> fields = FlatJson.read(json);
    return new BackupManifest(
        required(fields, "id"),
        BackupKind.valueOf(required(fields, "kind")),
        required(fields, "label"),
        Instant.parse(required(fields, "started")),
        Instant.parse(required(fields, "stopped")),
        required(fields, "startLsn"),
        required(fields, "stopLsn"),
        Integer.parseInt(required(fields, "timeline")),
        required(fields, "startWalFile"),
        required(fields, "stopWalFile"),
        Long.parseLong(required(fields, "sizeBytes")));
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("backup manifest without " + name);
    }
    return value;
  }
}
