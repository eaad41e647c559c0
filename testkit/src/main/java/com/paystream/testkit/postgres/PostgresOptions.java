package com.paystream.testkit.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start a server ({@link Postgres#start(PostgresOptions)}).
 *
 * @param dataDir where the cluster lives across restarts; {@code null} for a temp directory that
 *     {@link Postgres#close()} removes
 * @param port the port to listen on; 0 for a free one
 * @param walArchive where every finished WAL segment is copied ({@code archive_mode=on}); {@code
 *     null} for no archiving
 * @param archiveTimeout the longest a segment stays unarchived while there is traffic ({@code
 *     archive_timeout}): the most a point-in-time restore from the archive alone can miss
 * @param synchronousStandbys the application names of the standbys a commit waits for, in order of
 *     preference (the first connected one is synchronous); empty for none
 * @param extraSettings more server settings, written after (and so overriding) the kit's own;
 *     {@code synchronous_commit} too, but not {@code fsync}, {@code timezone} or {@code
 *     max_connections}, which zonky passes on the command line
 */
public record PostgresOptions(
    Path dataDir,
    int port,
    Path walArchive,
    Duration archiveTimeout,
    List<String> synchronousStandbys,
    Map<String, String> extraSettings) {

  public static final Duration DEFAULT_ARCHIVE_TIMEOUT = Duration.ofSeconds(60);

  /** What {@code application_name} and {@code synchronous_standby_names} accept unquoted. */
  static final Pattern STANDBY_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");

  public PostgresOptions {
    Objects.requireNonNull(archiveTimeout, "archiveTimeout");
    if (archiveTimeout.isNegative()) {
      throw new IllegalArgumentException("negative archive timeout: " + archiveTimeout);
    }
    synchronousStandbys = List.copyOf(synchronousStandbys);
    synchronousStandbys.forEach(PostgresOptions::requireStandbyName);
    extraSettings = Collections.unmodifiableMap(new LinkedHashMap<>(extraSettings));
    extraSettings.keySet().forEach(PostgresOptions::requireSettingName);
  }

  /** A temp directory, a free port, no archive, no synchronous standby. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code restore_command} that fetches segments from an archive written by a server started
   * with {@code walArchive(archive)}: for standbys and restores.
   */
  public static String restoreCommand(Path archive) {
    return ServerSettings.restoreCommand(archive);
  }

  static String requireStandbyName(String name) {
    if (!STANDBY_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain lower-case standby name: " + name);
    }
    return name;
  }

  private static void requireSettingName(String name) {
    if (!SETTING_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a setting name: " + name);
    }
  }

  /** Builds {@link PostgresOptions}; every field is optional. */
  public static final class Builder {

    private Path dataDir;
    private int port;
    private Path walArchive;
    private Duration archiveTimeout = DEFAULT_ARCHIVE_TIMEOUT;
    private final List<String> synchronousStandbys = new ArrayList<>();
    private final Map<String, String> extraSettings = new LinkedHashMap<>();

    private Builder() {}

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder walArchive(Path walArchive) {
      this.walArchive = walArchive;
      return this;
    }

    public Builder archiveTimeout(Duration archiveTimeout) {
      this.archiveTimeout = archiveTimeout;
      return this;
    }

    /** Adds a synchronous standby; the order of the calls is the order of preference. */
    public Builder synchronousStandby(String applicationName) {
      synchronousStandbys.add(applicationName);
      return this;
    }

    public Builder synchronousStandbys(List<String> applicationNames) {
      synchronousStandbys.addAll(applicationNames);
      return this;
    }

    /** A server setting, as in {@code postgresql.conf}; the value is quoted by the kit. */
    public Builder setting(String name, String value) {
      extraSettings.put(name, value);
      return this;
    }

    public Builder settings(Map<String, String> settings) {
      extraSettings.putAll(settings);
      return this;
    }

    public PostgresOptions build() {
      return new PostgresOptions(
          dataDir, port, walArchive, archiveTimeout, synchronousStandbys, extraSettings);
    }
  }
}
