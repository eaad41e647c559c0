package com.paystream.testkit.postgres.backup;

/**
 * A point-in-time restore the archive cannot do: no backup before the target, or too little WAL.
 */
public final class RestoreRefusedException extends RuntimeException {

  public RestoreRefusedException(String message) {
    super(message);
  }
}
