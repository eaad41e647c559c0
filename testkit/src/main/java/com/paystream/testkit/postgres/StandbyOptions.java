package com.paystream.testkit.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start a standby ({@link Standby#start}).
 *
 * @param dataDir the standby's data directory: filled with a base backup of the primary when empty,
 *     reused as it is otherwise (a restarted standby resumes where it stopped)
 * @param port the port to listen on; 0 for a free one
 * @param applicationName the name the standby gives the primary, which is what {@code
 *     synchronous_standby_names} lists
 * @param applyDelay how long after its commit on the primary a transaction becomes visible here
 *     ({@code recovery_min_apply_delay}); zero for a real-time standby
 * @param walArchive the primary's WAL archive, read when streaming cannot supply a segment (the
 *     standby was away longer than the primary keeps WAL); {@code null} for streaming only
 */
public record StandbyOptions(
    Path dataDir, int port, String applicationName, Duration applyDelay, Path walArchive) {

  private static final Pattern APPLICATION_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public StandbyOptions {
    Objects.requireNonNull(dataDir, "a standby needs a data directory of its own");
    Objects.requireNonNull(applyDelay, "applyDelay");
    if (!APPLICATION_NAME.matcher(applicationName).matches()) {
      throw new IllegalArgumentException("not a plain lower-case standby name: " + applicationName);
    }
    if (applyDelay.isNegative()) {
      throw new IllegalArgumentException("negative apply delay: " + applyDelay);
    }
  }

  /** A real-time standby on a free port that streams only. */
  public static StandbyOptions of(Path dataDir, String applicationName) {
    return new StandbyOptions(dataDir, 0, applicationName, Duration.ZERO, null);
  }

  public StandbyOptions withPort(int port) {
    return new StandbyOptions(dataDir, port, applicationName, applyDelay, walArchive);
  }

  public StandbyOptions withApplyDelay(Duration applyDelay) {
    return new StandbyOptions(dataDir, port, applicationName, applyDelay, walArchive);
  }

  public StandbyOptions withWalArchive(Path walArchive) {
    return new StandbyOptions(dataDir, port, applicationName, applyDelay, walArchive);
  }
}
