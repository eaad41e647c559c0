package com.paystream.recon.breaks.web;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While the topology starts or rebalances its stores cannot be read: that is a 503 with Retry-After
 * (the readiness probe is DOWN at the same time), not a server error.
 */
@RestControllerAdvice
class QueryErrors {

  @ExceptionHandler(InvalidStateStoreException.class)
  ResponseEntity<ProblemDetail> notQueryable(InvalidStateStoreException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "reconciliation state is being restored or rebalanced; retry shortly");
    problem.setTitle("Reconciliation state not available yet");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }
}
