package com.paystream.relay.approvals.web;

import com.paystream.relay.approvals.ApprovalRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused decision as RFC 9457 problem with its machine-readable {@code reason}. */
@RestControllerAdvice
class ApprovalProblems {

  @ExceptionHandler(ApprovalRefusedException.class)
  ProblemDetail refused(ApprovalRefusedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.why().status()), e.getMessage());
    problem.setTitle("Approval refused");
    problem.setProperty("reason", e.why().code());
    return problem;
  }
}
