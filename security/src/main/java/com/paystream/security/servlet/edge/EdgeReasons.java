package com.paystream.security.servlet.edge;

import com.paystream.platform.input.InputReason;

/**
 * The reason a bare HTTP status stands for, when nothing more specific is known (Tomcat's own
 * refusals, {@code sendError} calls): one table for the valve and the error controller.
 */
final class EdgeReasons {

  /** For a 5xx: the server's fault, not an input refusal. */
  static final String SERVER_FAULT = "server-fault";

  private EdgeReasons() {}

  static String of(int status) {
    return switch (status) {
      case 400 -> InputReason.MALFORMED_REQUEST.code();
      case 404 -> InputReason.NOT_FOUND.code();
      case 405 -> InputReason.METHOD_NOT_ALLOWED.code();
      case 406 -> InputReason.NOT_ACCEPTABLE.code();
      case 413 -> InputReason.PAYLOAD_TOO_LARGE.code();
      case 414 -> InputReason.URI_TOO_LONG.code();
      case 415 -> InputReason.UNSUPPORTED_MEDIA_TYPE.code();
      case 431 -> InputReason.HEADERS_TOO_LARGE.code();
      default -> status >= 500 ? SERVER_FAULT : InputReason.MALFORMED_REQUEST.code();
    };
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Bad Request";
    };
  }

  /** What the caller can do about it, without repeating anything the caller sent. */
  static String detail(int status) {
    return switch (status) {
      case 400 -> "the request could not be read (request line, header or encoding)";
      case 404 -> "no resource at this path";
      case 405 -> "this resource does not take this method";
      case 406 -> "this resource answers application/json or application/problem+json only";
      case 413 -> "the request body is too large";
      case 414 -> "the URL is too long";
      case 415 -> "this resource takes application/json";
      case 431 -> "the request headers are too large";
      default -> status >= 500 ? "the service failed; try again later" : "the request is refused";
    };
  }
}
