package com.paystream.security.servlet.edge;

import com.paystream.security.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The {@code /error} page Tomcat forwards to after a {@code sendError} or an exception no advice
 * answered: problem+json with the reason the status stands for, never an HTML page or Boot's error
 * attributes (which may carry the exception's message). Replaces Boot's {@code
 * BasicErrorController}.
 */
@org.springframework.stereotype.Controller
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<String> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer known && known >= 400 ? known : 500;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            Problems.problem(
                status,
                EdgeReasons.title(status),
                EdgeReasons.of(status),
                null,
                EdgeReasons.detail(status),
                path));
  }
}
