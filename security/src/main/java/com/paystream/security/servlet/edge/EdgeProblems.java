package com.paystream.security.servlet.edge;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The refusals every servlet service answers alike: the input policy's and Spring MVC's own, as
 * problem+json with a stable {@code reason} and, where one is at fault, the {@code field}. Lowest
 * precedence, and registered after the service's own advices, so a service that answers one of
 * these itself is not overruled. Details are written here, never copied from a parser's message,
 * which may quote the whole offending value.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class EdgeProblems {

  private static final Set<Class<?>> INTEGRAL =
      Set.of(
          int.class,
          long.class,
          short.class,
          byte.class,
          Integer.class,
          Long.class,
          Short.class,
          Byte.class,
          BigInteger.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(InputRefusedException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, e.reason().code(), e.field(), e.getMessage(), request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    Throwable cause = e.getMostSpecificCause();
    String field = cause instanceof JacksonException json ? field(json) : null;
    Class<?> target = targetType(cause);
    if (target != null && INTEGRAL.contains(target)) {
      boolean fraction =
          cause.getMessage() != null && cause.getMessage().contains("Floating-point");
      return problem(
          HttpStatus.BAD_REQUEST,
          fraction ? InputReason.NOT_AN_INTEGER.code() : InputReason.INTEGER_OUT_OF_RANGE.code(),
          field,
          fraction
              ? "%s must be a whole number".formatted(name(field))
              : "%s is out of range for %s".formatted(name(field), target.getSimpleName()),
          request);
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        InputReason.MALFORMED_JSON.code(),
        field,
        field == null
            ? "the body is not well-formed JSON of this endpoint's shape"
            : "%s does not have the declared type".formatted(field),
        request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return status(HttpStatus.NOT_ACCEPTABLE, request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer = status(HttpStatus.METHOD_NOT_ALLOWED, request);
    if (e.getSupportedHttpMethods() == null) {
      return answer;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(answer.getHeaders());
    headers.setAllow(e.getSupportedHttpMethods());
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> notFound(Exception e, HttpServletRequest request) {
    return status(HttpStatus.NOT_FOUND, request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return status(HttpStatus.PAYLOAD_TOO_LARGE, request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String field = e.getName();
    Class<?> type = e.getRequiredType();
    String value = String.valueOf(e.getValue());
    InputReason reason = InputReason.MALFORMED;
    String expected = type == null ? "of the declared type" : "a " + type.getSimpleName();
    if (type == UUID.class) {
      reason = InputReason.MALFORMED_IDENTIFIER;
      expected = "a UUID";
    } else if (type != null && INTEGRAL.contains(type)) {
      reason = integerReason(value);
      expected = "a whole number";
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        reason.code(),
        field,
        "%s must be %s, was %s".formatted(field, expected, InputPolicy.echo(value)),
        request);
  }

  /** A missing parameter, header or cookie; a path variable missing is the service's fault. */
  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingRequestHeaderException.class,
    MissingRequestCookieException.class
  })
  ResponseEntity<ProblemDetail> missing(
      MissingRequestValueException e, HttpServletRequest request) {
    String field =
        e instanceof MissingServletRequestParameterException parameter
            ? parameter.getParameterName()
            : null;
    return problem(
        HttpStatus.BAD_REQUEST,
        InputReason.MISSING.code(),
        field,
        field == null ? "a required value is missing" : field + " is required",
        request);
  }

  /** Bean validation and binding: the first field at fault names the problem. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> binding(BindException e, HttpServletRequest request) {
    FieldError error = e.getFieldError();
    String field = error == null ? null : error.getField();
    return problem(
        HttpStatus.BAD_REQUEST,
        InputReason.MALFORMED.code(),
        field,
        field == null ? "the request is not valid" : field + " is not valid",
        request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> validation(
      HandlerMethodValidationException e, HttpServletRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        InputReason.MALFORMED.code(),
        null,
        "a parameter of the request is not valid",
        request);
  }

  /**
   * Any other framework refusal ({@code ResponseStatusException} included) keeps its status and
   * gets the reason that status stands for; a 5xx stays the service's fault.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> other(ErrorResponseException e, HttpServletRequest request) {
    HttpStatusCode code = e.getStatusCode();
    String detail = e.getBody().getDetail();
    String shown = detail == null ? EdgeReasons.detail(code.value()) : InputPolicy.echo(detail);
    return problem(code, EdgeReasons.of(code.value()), null, shown, request);
  }

  private static ResponseEntity<ProblemDetail> status(
      HttpStatus status, HttpServletRequest request) {
    return problem(
        status, EdgeReasons.of(status.value()), null, EdgeReasons.detail(status.value()), request);
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status,
      String reason,
      String field,
      String detail,
      HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(EdgeReasons.title(status.value()));
    problem.setInstance(URI.create(Problems.instance(request.getRequestURI())));
    problem.setProperty("reason", reason);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static InputReason integerReason(String value) {
    try {
      BigDecimal number = new BigDecimal(value.strip());
      return number.stripTrailingZeros().scale() > 0
          ? InputReason.NOT_AN_INTEGER
          : InputReason.INTEGER_OUT_OF_RANGE;
    } catch (NumberFormatException e) {
      return InputReason.NOT_AN_INTEGER;
    }
  }

  private static Class<?> targetType(Throwable cause) {
    if (cause instanceof InputCoercionException coercion) {
      return coercion.getTargetType();
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return mismatch.getTargetType();
    }
    return null;
  }

  /** The JSON path of the field at fault ({@code items[2].amountMinor}), or null at the root. */
  private static String field(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(Problems.jsonSafe(reference.getPropertyName()));
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    String field = path.toString();
    return field.isEmpty() || field.length() > InputPolicy.ECHO_LIMIT ? null : field;
  }

  private static String name(String field) {
    return field == null ? "the value" : field;
  }
}
