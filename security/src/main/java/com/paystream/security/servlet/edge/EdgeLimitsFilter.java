package com.paystream.security.servlet.edge;

import com.paystream.platform.input.InputReason;
import com.paystream.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an over-long URL (414) or oversized headers (431) before anything else reads them. Tomcat
 * reads up to {@link ServletEdge#CONNECTOR_HEADER_BYTES} of request line and headers, far more than
 * these limits, so that this filter, not Tomcat's bare 400 without a body, answers the common
 * oversized requests with problem+json.
 */
public final class EdgeLimitsFilter extends OncePerRequestFilter {

  /** The longest URL (path and query) a service reads. */
  public static final int MAX_URL_CHARS = 4096;

  /** The most header bytes (names and values) a service reads. */
  public static final int MAX_HEADER_BYTES = 8192;

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    int urlChars = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (urlChars > MAX_URL_CHARS) {
      refuse(request, response, 414, InputReason.URI_TOO_LONG);
      return;
    }
    if (headerBytes(request) > MAX_HEADER_BYTES) {
      refuse(request, response, 431, InputReason.HEADERS_TOO_LARGE);
      return;
    }
    chain.doFilter(request, response);
  }

  private static int headerBytes(HttpServletRequest request) {
    int bytes = 0;
    Enumeration<String> names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = request.getHeaders(name);
      while (values.hasMoreElements()) {
        bytes += name.length() + values.nextElement().length() + 4;
      }
    }
    return bytes;
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, InputReason reason)
      throws IOException {
    String detail =
        status == 414
            ? "the URL is longer than %d characters".formatted(MAX_URL_CHARS)
            : "the request headers are larger than %d bytes".formatted(MAX_HEADER_BYTES);
    response.setStatus(status);
    response.setContentType(Problems.CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            Problems.problem(
                status,
                EdgeReasons.title(status),
                reason.code(),
                null,
                detail,
                request.getRequestURI()));
  }
}
