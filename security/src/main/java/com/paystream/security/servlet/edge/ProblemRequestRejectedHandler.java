package com.paystream.security.servlet.edge;

import com.paystream.platform.input.InputReason;
import com.paystream.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refusals (an encoded slash or backslash, a {@code ..} segment, a
 * header it distrusts) as problem+json: {@code encoded-slash} for the encoded separators, else
 * {@code malformed-request}. The firewall's own message, which quotes the request, is not repeated.
 */
public final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  static final String ENCODED_SLASH_DETAIL =
      "the path contains an encoded slash or backslash, which names no resource";

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    String reason = reason(rejected);
    String detail =
        reason.equals(InputReason.ENCODED_SLASH.code())
            ? ENCODED_SLASH_DETAIL
            : "the request was refused before it reached the service (path or header)";
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(Problems.CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(Problems.problem(400, "Bad Request", reason, null, detail, request.getRequestURI()));
  }

  static String reason(RequestRejectedException rejected) {
    String message = String.valueOf(rejected.getMessage()).toLowerCase(Locale.ROOT);
    // StrictHttpFirewall names the string it found: "%2F", "%2f", "%5C", "%5c".
    boolean separator = message.contains("\"%2f\"") || message.contains("\"%5c\"");
    return separator ? InputReason.ENCODED_SLASH.code() : InputReason.MALFORMED_REQUEST.code();
  }
}
