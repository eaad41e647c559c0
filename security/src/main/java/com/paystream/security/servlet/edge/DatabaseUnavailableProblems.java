package com.paystream.security.servlet.edge;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database could not be reached in time (down, failing over, every connection busy): 503 {@code
 * database-unavailable} with {@code Retry-After}, never a 500. Spring throws {@link
 * org.springframework.jdbc.CannotGetJdbcConnectionException} (a {@link
 * DataAccessResourceFailureException}) from a template, {@link CannotCreateTransactionException}
 * when a transaction cannot begin, and the others when a connection breaks during a statement. A
 * transaction that could not commit was rolled back, so nothing was changed and the caller may
 * retry.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class DatabaseUnavailableProblems {

  /** The reason code, the same word the gateway uses for its database outage. */
  public static final String REASON = "database-unavailable";

  /** Long enough for a pool to reconnect after a restart or a failover, short for a caller. */
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class,
    RecoverableDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
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
            "the database is unavailable; nothing was changed, retry later",
            request);
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(answer.getHeaders());
    headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }
}
