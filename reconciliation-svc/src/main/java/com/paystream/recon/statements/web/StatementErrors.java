package com.paystream.recon.statements.web;

import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ingestion.UnrecognisedFormatException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused statements as RFC 9457 problems: 422 with where and what, 400 for unknown formats. */
@RestControllerAdvice(assignableTypes = StatementUploadController.class)
class StatementErrors {

  @ExceptionHandler(MalformedStatementException.class)
  ProblemDetail malformed(MalformedStatementException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setTitle("Statement refused");
    problem.setProperty("reason", e.reason().code());
    problem.setProperty("format", e.format().name());
    problem.setProperty("where", e.where());
    problem.setProperty("problem", e.problem());
    return problem;
  }

  @ExceptionHandler(UnrecognisedFormatException.class)
  ProblemDetail unrecognised(UnrecognisedFormatException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Unknown statement format");
    return problem;
  }
}
