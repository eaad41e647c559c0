package com.paystream.recon.instances;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The holder's answer to a {@link Forward}, given to the caller as it is: status, body (a result or
 * a problem+json) and the headers that mean something to the caller.
 */
public record Forwarded(int status, Map<String, String> headers, byte[] body) {

  /** The holder's headers that are passed back; the request id is this instance's own. */
  static final String[] PASSED_BACK = {
    HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER
  };

  public Forwarded {
    headers = Map.copyOf(headers);
  }

  /** A 4xx: the holder refused the act (and recorded the refusal in its audit trail). */
  public boolean refused() {
    return status >= 400 && status < 500;
  }

  public ResponseEntity<byte[]> toResponse() {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    headers.forEach((name, value) -> answer.header(name, value));
    return answer.body(body);
  }
}
