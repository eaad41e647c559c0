package com.paystream.gateway.support.web;

import io.r2dbc.pool.ConnectionPoolException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached in time (down, failing over, every
 * pooled connection busy), whichever layer reported it: the driver (connection refused or closed),
 * the pool (no connection within {@code max-acquire-time}), or Spring (the same, translated, or a
 * transaction that could not begin).
 */
final class DatabaseOutage {

  private static final Set<Class<? extends Throwable>> OUTAGES =
      Set.of(
          DataAccessResourceFailureException.class,
          TransientDataAccessResourceException.class,
          RecoverableDataAccessException.class,
          CannotCreateTransactionException.class,
          R2dbcNonTransientResourceException.class,
          R2dbcTransientResourceException.class,
          R2dbcTimeoutException.class,
          ConnectionPoolException.class,
          ConnectException.class);

  private DatabaseOutage() {}

  static boolean causedBy(Throwable error) {
    for (Throwable cause = error; cause != null; cause = next(cause)) {
      Throwable current = cause;
      if (OUTAGES.stream().anyMatch(type -> type.isInstance(current))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
