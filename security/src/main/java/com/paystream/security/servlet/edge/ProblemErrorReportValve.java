package com.paystream.security.servlet.edge;

import com.paystream.platform.input.InputReason;
import com.paystream.security.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for what it refuses before any servlet runs (an encoded slash, an
 * unreadable URL, a request it could not map): problem+json instead of Tomcat's HTML page, never
 * with Tomcat's message (which may quote the request). Installed as the host's error report valve
 * by {@link ServletEdge}; errors inside the application go to the {@code /error} page instead.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2[fF]|5[cC])");

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String reason = reason(request, status);
    String detail =
        reason.equals(InputReason.ENCODED_SLASH.code())
            ? ProblemRequestRejectedHandler.ENCODED_SLASH_DETAIL
            : EdgeReasons.detail(status);
    String body =
        Problems.problem(
            status, EdgeReasons.title(status), reason, null, detail, request.getRequestURI());
    try {
      response.setContentType(Problems.CONTENT_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response committed meanwhile: nothing more to say.
    }
  }

  private static String reason(Request request, int status) {
    String uri = request.getCoyoteRequest().requestURI().toString();
    if (status == 400 && uri != null && ENCODED_SEPARATOR.matcher(uri).find()) {
      return InputReason.ENCODED_SLASH.code();
    }
    return EdgeReasons.of(status);
  }
}
