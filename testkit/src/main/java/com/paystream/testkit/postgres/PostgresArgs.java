package com.paystream.testkit.postgres;

import com.paystream.testkit.support.ProcessArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@link PostgresMain}: those of every infrastructure process ({@link
 * ProcessArgs}: {@code --data-dir DIR --port N --database NAME...}) and
 *
 * <ul>
 *   <li>{@code --archive DIR}, {@code --archive-timeout SECONDS}, {@code --synchronous-standby
 *       NAME} (repeatable, in order of preference): a primary that archives and waits for a
 *       standby;
 *   <li>{@code --standby-of HOST:PORT --name NAME --primary-data-dir DIR [--apply-delay SECONDS]}:
 *       a standby, its base backup copied from the primary's data directory on this machine ({@code
 *       --archive} is then the archive it reads from);
 *   <li>{@code --recover-to INSTANT} (ISO-8601, e.g. {@code 2026-12-06T09:15:00Z}): the standby in
 *       {@code --data-dir} replays to just before the instant and becomes a primary;
 *   <li>{@code --if-missing init|refuse}: what a primary does when {@code --data-dir} holds no
 *       cluster: create one (the default, a first start), or refuse (a restart: the data was lost,
 *       and an empty cluster would take its place unnoticed).
 * </ul>
 */
public record PostgresArgs(
    ProcessArgs process,
    Path walArchive,
    Duration archiveTimeout,
    List<String> synchronousStandbys,
    String standbyOfHost,
    int standbyOfPort,
    String name,
    Path primaryDataDir,
    Duration applyDelay,
    Instant recoverTo,
    boolean refuseMissingCluster) {

  public PostgresArgs {
    synchronousStandbys = List.copyOf(synchronousStandbys);
    boolean standby = standbyOfHost != null;
    if (standby && (name == null || primaryDataDir == null || process.dataDir() == null)) {
      throw new IllegalArgumentException(
          "--standby-of needs --name, --primary-data-dir and --data-dir");
    }
    if (!standby && (name != null || primaryDataDir != null || !applyDelay.isZero())) {
      throw new IllegalArgumentException(
          "--name, --primary-data-dir and --apply-delay are for a standby (--standby-of)");
    }
    if (recoverTo != null && (standby || process.dataDir() == null)) {
      throw new IllegalArgumentException("--recover-to needs --data-dir and no --standby-of");
    }
  }

  /** Parses the arguments (in any order); anything not PostgreSQL's own goes to ProcessArgs. */
  public static PostgresArgs parse(String... args) {
    List<String> common = new ArrayList<>();
    Path walArchive = null;
    Duration archiveTimeout = PostgresOptions.DEFAULT_ARCHIVE_TIMEOUT;
    List<String> synchronousStandbys = new ArrayList<>();
    String standbyOf = null;
    String name = null;
    Path primaryDataDir = null;
    Duration applyDelay = Duration.ZERO;
    Instant recoverTo = null;
    boolean refuseMissingCluster = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--archive" -> walArchive = Path.of(value);
        case "--archive-timeout" -> archiveTimeout = seconds(option, value);
        case "--synchronous-standby" -> synchronousStandbys.add(value);
        case "--standby-of" -> standbyOf = value;
        case "--name" -> name = value;
        case "--primary-data-dir" -> primaryDataDir = Path.of(value);
        case "--apply-delay" -> applyDelay = seconds(option, value);
        case "--recover-to" -> recoverTo = instant(value);
        case "--if-missing" -> refuseMissingCluster = refuses(value);
        default -> common.addAll(List.of(option, value));
      }
    }
    return new PostgresArgs(
        ProcessArgs.parse(common.toArray(String[]::new)),
        walArchive,
        archiveTimeout,
        synchronousStandbys,
        standbyOf == null ? null : host(standbyOf),
        standbyOf == null ? 0 : port(standbyOf),
        name,
        primaryDataDir,
        applyDelay,
        recoverTo,
        refuseMissingCluster);
  }

  private static boolean refuses(String value) {
    return switch (value) {
      case "init" -> false;
      case "refuse" -> true;
      default ->
          throw new IllegalArgumentException("--if-missing takes init or refuse, not " + value);
    };
  }

  public boolean isStandby() {
    return standbyOfHost != null;
  }

  /** The options of a primary (or of a plain server). */
  public PostgresOptions primaryOptions() {
    return PostgresOptions.builder()
        .dataDir(process.dataDir())
        .port(process.port())
        .walArchive(walArchive)
        .archiveTimeout(archiveTimeout)
        .synchronousStandbys(synchronousStandbys)
        .build();
  }

  public StandbyOptions standbyOptions() {
    return new StandbyOptions(process.dataDir(), process.port(), name, applyDelay, walArchive);
  }

  private static Duration seconds(String option, String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes whole seconds, not " + value, e);
    }
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--recover-to takes an ISO-8601 instant with an offset, not " + value, e);
    }
  }

  private static String host(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--standby-of takes HOST:PORT, not " + hostAndPort);
    }
    return hostAndPort.substring(0, colon);
  }

  private static int port(String hostAndPort) {
    return ProcessArgs.parse("--port", hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1))
        .port();
  }
}
