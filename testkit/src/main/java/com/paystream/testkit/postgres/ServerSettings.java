package com.paystream.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files the kit writes into a data directory before every start: {@code pg_hba.conf} and {@code
 * paystream.conf}, which {@code postgresql.conf} includes. Settings go through a file rather than
 * zonky's {@code -c} options because those are joined into one unquoted {@code pg_ctl -o} string:
 * an {@code archive_command} with spaces would not survive it. Rewritten on every start, so a
 * restart with other options (a standby promoted at a chosen instant) replaces the old ones.
 */
final class ServerSettings {

  static final String FILE = "paystream.conf";
  private static final String INCLUDE = "include_if_exists = '" + FILE + "'";

  private ServerSettings() {}

  static void write(Path dataDir, PostgresOptions options) {
    try {
      Files.writeString(dataDir.resolve("pg_hba.conf"), authenticationRules());
      Files.writeString(dataDir.resolve(FILE), render(settings(options)));
      Path main = dataDir.resolve("postgresql.conf");
      if (!Files.readString(main).contains(INCLUDE)) {
        Files.writeString(main, Files.readString(main) + "\n" + INCLUDE + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the settings in " + dataDir, e);
    }
  }

  /**
   * The superuser keeps "trust" on the loopback interface (tests and the local stack only), for
   * sessions and for replication (standbys and base backups); every other role must give its
   * password (SCRAM), so a service handed the wrong credentials fails to connect here as it would
   * in production.
   */
  private static String authenticationRules() {
    String superuser = Postgres.USERNAME;
    return String.join(
        "\n",
        "# Written by the paystream test kit on every start.",
        "local all " + superuser + " trust",
        "host all " + superuser + " 127.0.0.1/32 trust",
        "host all " + superuser + " ::1/128 trust",
        "host replication " + superuser + " 127.0.0.1/32 trust",
        "host replication " + superuser + " ::1/128 trust",
        "host all all 127.0.0.1/32 scram-sha-256",
        "host all all ::1/128 scram-sha-256",
        "");
  }

  static Map<String, String> settings(PostgresOptions options) {
    Map<String, String> settings = new LinkedHashMap<>();
    // Every server can feed a standby or a base backup: WAL for replicas, senders and slots to
    // spare, and enough WAL kept for a standby that was down a minute to catch up by streaming.
    settings.put("wal_level", "replica");
    settings.put("max_wal_senders", "10");
    settings.put("max_replication_slots", "10");
    settings.put("wal_keep_size", "256MB");
    settings.put("hot_standby", "on");
    // A base backup taken from a standby is refused when the primary ran with full_page_writes
    // off (torn pages could not be repaired from the WAL); the extra WAL costs the tests little.
    settings.put("full_page_writes", "on");
    if (options.walArchive() != null) {
      settings.put("archive_mode", "on");
      settings.put("archive_command", archiveCommand(options.walArchive()));
      settings.put("archive_timeout", options.archiveTimeout().toSeconds() + "s");
    }
    if (!options.synchronousStandbys().isEmpty()) {
      settings.put("synchronous_standby_names", synchronousStandbyNames(options));
    }
    settings.putAll(options.extraSettings());
    return settings;
  }

  /**
   * {@code FIRST 1}: the first of the named standbys that is connected is the synchronous one, so
   * after losing the primary the standby to promote is known (it is the one {@code
   * pg_stat_replication} showed as {@code sync}) rather than whichever of a quorum is furthest.
   */
  static String synchronousStandbyNames(PostgresOptions options) {
    List<String> names = options.synchronousStandbys();
    return "FIRST 1 (" + String.join(", ", names) + ")";
  }

  /**
   * Copies a finished segment into the archive under a temporary name and renames it, so the
   * archive never holds half a segment; a segment already there is accepted only with identical
   * content (PostgreSQL may archive a segment again after a crash), anything else fails and the
   * archiver retries and complains rather than overwrite.
   */
  static String archiveCommand(Path archive) {
    String dir = placeholderSafe(shellQuoted(archive.toAbsolutePath().toString()));
    String target = dir + "/%f";
    return "if [ -f "
        + target
        + " ]; then cmp -s %p "
        + target
        + "; else cp %p "
        + target
        + ".part && mv "
        + target
        + ".part "
        + target
        + "; fi";
  }

  /** Fetches a segment from the archive for a standby or a restore; absent is a plain failure. */
  static String restoreCommand(Path archive) {
    String dir = placeholderSafe(shellQuoted(archive.toAbsolutePath().toString()));
    return "cp " + dir + "/%f %p";
  }

  static String shellQuoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * PostgreSQL replaces {@code %p}, {@code %f}... in the commands; a literal {@code %} is doubled.
   */
  private static String placeholderSafe(String value) {
    return value.replace("%", "%%");
  }

  private static String render(Map<String, String> settings) {
    return settings.entrySet().stream()
        .map(setting -> setting.getKey() + " = " + configQuoted(setting.getValue()))
        .collect(
            Collectors.joining(
                "\n", "# Written by the paystream test kit on every start.\n", "\n"));
  }

  private static String configQuoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
