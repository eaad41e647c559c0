package com.paystream.relay.operator.web;

import com.paystream.relay.operator.InvalidRequestException;
import com.paystream.relay.operator.MessageNotFoundException;
import com.paystream.relay.operator.NotRedrivableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 answers for everything the caller got wrong: the framework's own refusals (malformed
 * JSON, a path id that is no UUID, wrong method or media type) through the base class, and the
 * operator API's through the handlers below. A 5xx is left for the relay's own faults.
 */
@RestControllerAdvice
class OperatorProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(MessageNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Unknown message");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notRedrivable(NotRedrivableException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not redrivable");
    return problem;
  }
}
