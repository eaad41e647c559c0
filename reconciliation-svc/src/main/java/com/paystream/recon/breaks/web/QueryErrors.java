package com.paystream.recon.breaks.web;

import com.paystream.recon.instances.InstancesUnavailableException;
import com.paystream.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Breaks and reports are answered for the whole or not at all. While the topology starts or
 * rebalances its stores cannot be read, and while another instance does not give its part the whole
 * cannot be put together: both are 503 {@code reconciliation-rebalancing} with Retry-After (the
 * readiness probe is DOWN during the first), not a server error and never a partial answer.
 */
@RestControllerAdvice
class QueryErrors {

  static final URI TYPE = URI.create("urn:paystream:problem:reconciliation-rebalancing");
  static final String REASON = "reconciliation-rebalancing";
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(QueryErrors.class);

  @ExceptionHandler(InvalidStateStoreException.class)
  ResponseEntity<ProblemDetail> notQueryable(
      InvalidStateStoreException e, HttpServletRequest request) {
    log.debug("Stores not queryable: {}", e.getMessage());
    return unavailable(
        "reconciliation state is being restored or rebalanced; retry shortly", request);
  }

  @ExceptionHandler(InstancesUnavailableException.class)
  ResponseEntity<ProblemDetail> partMissing(
      InstancesUnavailableException e, HttpServletRequest request) {
    return unavailable(
        e.getMessage() + "; the whole cannot be answered now, retry shortly", request);
  }

  private static ResponseEntity<ProblemDetail> unavailable(
      String detail, HttpServletRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setType(TYPE);
    problem.setTitle("Reconciliation state not available yet");
    problem.setProperty("reason", REASON);
    problem.setInstance(URI.create(Problems.instance(request.getRequestURI())));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }
}
