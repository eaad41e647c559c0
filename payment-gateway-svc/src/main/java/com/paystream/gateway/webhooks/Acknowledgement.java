package com.paystream.gateway.webhooks;

import java.nio.charset.StandardCharsets;

/**
 * The answer a provider expects once its callback is safely stored; some want an exact body, so
 * each dialect builds its own.
 */
public record Acknowledgement(int status, String contentType, byte[] body) {

  public Acknowledgement {
    if (status < 200 || status > 299) {
      throw new IllegalArgumentException("an acknowledgement is a 2xx answer, not " + status);
    }
  }

  public static Acknowledgement json(int status, String json) {
    return new Acknowledgement(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }
}
