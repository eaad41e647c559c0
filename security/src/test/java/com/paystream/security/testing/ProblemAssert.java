package com.paystream.security.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

/**
 * What every refusal at the edge must look like: a 4xx (never a 5xx), {@code
 * application/problem+json}, a {@code reason}, a short body, and no more than {@value #ECHO_LIMIT}
 * characters of what was sent repeated back.
 */
public final class ProblemAssert {

  /** As {@code InputPolicy.ECHO_LIMIT}: how much of a sent value a refusal may repeat. */
  public static final int ECHO_LIMIT = 40;

  /** No refusal needs more; a longer body is suspect of carrying the input back. */
  public static final int MAX_BODY_CHARS = 2048;

  private ProblemAssert() {}

  /** Asserts the refusal and returns its {@code reason}. */
  public static String assertRefused(HttpResponse<String> response, String sent) {
    return assertRefused(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        sent);
  }

  public static String assertRefused(RawHttp.Response response, String sent) {
    return assertRefused(
        response.status(), response.header("Content-Type").orElse(""), response.body(), sent);
  }

  /**
   * @param sent the offending value as sent, or null when nothing in particular was
   */
  public static String assertRefused(int status, String contentType, String body, String sent) {
    assertThat(status).as("status of a refusal (body %s)", head(body)).isBetween(400, 499);
    assertThat(contentType).as("content type").startsWith("application/problem+json");
    assertThat(body.length()).as("length of the problem body").isLessThanOrEqualTo(MAX_BODY_CHARS);
    String reason = JsonPath.read(body, "$.reason");
    assertThat(reason).as("reason of %s", body).isNotBlank();
    assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(status);
    if (sent != null) {
      assertThat(longestEcho(body, sent))
          .as("characters of the sent value repeated in %s", head(body))
          .isLessThanOrEqualTo(ECHO_LIMIT);
    }
    return reason;
  }

  /** Asserts the refusal with the given reason. */
  public static void assertRefused(
      HttpResponse<String> response, String sent, String expectedReason) {
    assertThat(assertRefused(response, sent)).isEqualTo(expectedReason);
  }

  public static void assertRefused(RawHttp.Response response, String sent, String expectedReason) {
    assertThat(assertRefused(response, sent)).isEqualTo(expectedReason);
  }

  /**
   * Whether any run of more than {@value #ECHO_LIMIT} characters of {@code sent} is in the body.
   */
  static int longestEcho(String body, String sent) {
    int window = ECHO_LIMIT + 1;
    if (sent.length() < window || body.length() < window) {
      return Math.min(sent.length(), body.length());
    }
    Set<String> bodyWindows = new HashSet<>();
    for (int i = 0; i + window <= body.length(); i++) {
      bodyWindows.add(body.substring(i, i + window));
    }
    for (int i = 0; i + window <= sent.length(); i++) {
      if (bodyWindows.contains(sent.substring(i, i + window))) {
        return window;
      }
    }
    return ECHO_LIMIT;
  }

  private static String head(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
