package com.paystream.recon.statements.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.recon.statements.MalformedStatementException;
import com.paystream.recon.statements.ingestion.UnrecognisedFormatException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused statements as RFC 9457 problems with a {@code reason}: 422 with where and what ({@code
 * statement-refused}, or the input policy's reason for a statement it refuses), 400 for unknown
 * formats ({@code unknown-format}).
 */
@RestControllerAdvice(assignableTypes = StatementUploadController.class)
class StatementErrors {

  /** A value the parsers quote in what they say ({@code column payment_reference 'pay-…'}). */
  private static final Pattern QUOTED =
      Pattern.compile("'([^']{" + (InputPolicy.ECHO_LIMIT + 1) + ",})'");

  @ExceptionHandler(MalformedStatementException.class)
  ProblemDetail malformed(MalformedStatementException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, capped(e.getMessage()));
    problem.setTitle("Statement refused");
    problem.setProperty("reason", e.reason().code());
    problem.setProperty("format", e.format().name());
    problem.setProperty("where", capped(e.where()));
    problem.setProperty("problem", capped(e.problem()));
    return problem;
  }

  /**
   * Each value quoted in {@code text} cut to the input policy's echo limit: a refusal names the
   * value at fault, it does not send a 100,000-character reference back.
   */
  static String capped(String text) {
    return QUOTED
        .matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(InputPolicy.echo(m.group(1))));
  }

  @ExceptionHandler(UnrecognisedFormatException.class)
  ProblemDetail unrecognised(UnrecognisedFormatException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Unknown statement format");
    problem.setProperty("reason", "unknown-format");
    return problem;
  }
}
