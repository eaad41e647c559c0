package com.paystream.recon.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refusals of reconciliation's handlers as RFC 9457 problems, each with a stable {@code reason}:
 * the input policy's ({@link InputRefusedException}), this service's ({@link
 * RequestRefusedException}), what Spring refuses while binding a request (a parameter of the wrong
 * type, a missing one, unreadable JSON, a media type not taken), and the handlers' older {@link
 * ResponseStatusException}s. No detail repeats more than {@link InputPolicy#ECHO_LIMIT} characters
 * of what the caller sent.
 *
 * <p>The suite's shared edge advice (security module) is to take over the binding refusals once it
 * lands; this one is ordered before it and stays the place for reconciliation's own.
 */
@RestControllerAdvice(basePackages = "com.paystream.recon")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RefusalProblems {

  @ExceptionHandler(InputRefusedException.class)
  ProblemDetail refused(InputRefusedException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.reason().code(), e.getMessage());
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(RequestRefusedException.class)
  ProblemDetail refused(RequestRefusedException e) {
    return problem(e.status(), e.reason(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            InputReason.MALFORMED.code(),
            "%s is malformed, was %s".formatted(e.getName(), InputPolicy.echo(e.getValue())));
    problem.setProperty("field", e.getName());
    return problem;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            InputReason.MISSING.code(),
            e.getParameterName() + " is required");
    problem.setProperty("field", e.getParameterName());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        InputReason.MALFORMED_JSON.code(),
        "the request body is not the JSON this endpoint takes");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        InputReason.UNSUPPORTED_MEDIA_TYPE.code(),
        "content type " + InputPolicy.echo(e.getContentType()) + " is not taken here");
  }

  @ExceptionHandler(ResponseStatusException.class)
  ProblemDetail status(ResponseStatusException e) {
    String detail = e.getReason() == null ? "" : e.getReason();
    return problem(e.getStatusCode(), reasonOf(e.getStatusCode()), detail);
  }

  private static String reasonOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 404 -> InputReason.NOT_FOUND.code();
      case 409 -> "conflict";
      case 415 -> InputReason.UNSUPPORTED_MEDIA_TYPE.code();
      default -> InputReason.MALFORMED_REQUEST.code();
    };
  }

  private static ProblemDetail problem(HttpStatusCode status, String reason, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("reason", reason);
    problem.setInstance(instance());
    return problem;
  }

  /**
   * The request's path, as the problem's {@code instance}, cut to the echo limit: left to Spring it
   * would be the whole path, repeating a path segment of any length back to the caller.
   */
  private static URI instance() {
    if (!(RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes request)) {
      return null;
    }
    String path = request.getRequest().getRequestURI();
    if (path.length() > InputPolicy.ECHO_LIMIT) {
      path = path.substring(0, InputPolicy.ECHO_LIMIT);
      int escape = path.lastIndexOf('%');
      if (escape >= path.length() - 2) {
        path = path.substring(0, escape);
      }
    }
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
