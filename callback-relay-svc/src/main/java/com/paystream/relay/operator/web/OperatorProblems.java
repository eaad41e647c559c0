package com.paystream.relay.operator.web;

import com.paystream.platform.input.InputReason;
import com.paystream.relay.operator.InvalidRequestException;
import com.paystream.relay.operator.MessageNotFoundException;
import com.paystream.relay.operator.NotRedrivableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers for the operator API's own refusals, each with its {@code reason}; the input
 * policy's and the framework's (malformed JSON, a path id that is no UUID, wrong method or media
 * type) are answered by the shared edge ({@code security}'s {@code EdgeProblems}). A 5xx is left
 * for the relay's own faults.
 */
@RestControllerAdvice
class OperatorProblems {

  @ExceptionHandler
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("field", e.field());
    problem.setProperty("reason", InputReason.MALFORMED.code());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(MessageNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Unknown message");
    problem.setProperty("reason", InputReason.NOT_FOUND.code());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notRedrivable(NotRedrivableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not redrivable");
    problem.setProperty("reason", "not-redrivable");
    return problem;
  }
}
