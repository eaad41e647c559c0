package com.paystream.security.servlet.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database could not be reached in time (down, failing over, every connection busy): 503 {@code
 * database-unavailable} with {@code Retry-After}, never a 500. Spring throws {@link
 * org.springframework.jdbc.CannotGetJdbcConnectionException} (a {@link
 * DataAccessResourceFailureException}) from a template, {@link CannotCreateTransactionException}
 * when a transaction cannot begin, and the others when a connection breaks during a statement. The
 * detail does not claim that nothing changed: a connection lost during a commit leaves its outcome
 * unknown to the service, so a caller retrying a write relies on that write's own key or check.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DatabaseUnavailableProblems {

  /** The reason code: the gateway's {@code database_unavailable} in the servlet edge's spelling. */
  public static final String REASON = "database-unavailable";

  /** Long enough for a pool to reconnect after a restart or a failover, short for a caller. */
  static final String RETRY_AFTER_SECONDS = "5";

  /** SQLSTATE class 08, "connection exception": the connection broke or could not be made. */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private static final List<Class<? extends Exception>> OUTAGES =
      List.of(
          DataAccessResourceFailureException.class,
          TransientDataAccessResourceException.class,
          RecoverableDataAccessException.class,
          CannotCreateTransactionException.class);

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class,
    RecoverableDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
    return answer(e, request);
  }

  /**
   * A statement failed on a broken connection, and so did the rollback after it: Spring then throws
   * the rollback's failure, not the statement's. Still the database's absence, as long as one of
   * the two says so; anything else stays the server's fault.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> transactionFailed(
      TransactionSystemException e, HttpServletRequest request) throws TransactionSystemException {
    if (!connectionLost(e)) {
      throw e;
    }
    return answer(e, request);
  }

  static boolean connectionLost(TransactionSystemException e) {
    Throwable application = e.getApplicationException();
    if (application != null && OUTAGES.stream().anyMatch(type -> type.isInstance(application))) {
      return true;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private ResponseEntity<ProblemDetail> answer(Exception e, HttpServletRequest request) {
    log.warn(
        "Database unavailable for {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.toString());
    ResponseEntity<ProblemDetail> answer =
        EdgeProblems.problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            REASON,
            null,
            "the database is unavailable; retry later",
            request);
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(answer.getHeaders());
    headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }
}
