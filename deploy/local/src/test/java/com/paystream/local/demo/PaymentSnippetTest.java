package com.paystream.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the printed snippet in a real bash; curl answers like the gateway and the simulator. */
class PaymentSnippetTest {

  /**
   * Records each call's method and URL; the payment creation answers with the gateway's JSON.
   * Arguments are scanned for the first http URL and for {@code -X}.
   */
  private static final String FAKE_CURL =
      String.join(
          "\n",
          "curl() {",
          "  local method=GET url=''",
          "  while [ $# -gt 0 ]; do",
          "    case \"$1\" in",
          "      -X) method=$2; shift ;;",
          "      http*) [ -z \"$url\" ] && url=$1 ;;",
          "    esac; shift",
          "  done",
          "  echo \"$method $url\" >&2",
          "  if [ \"$url\" = http://127.0.0.1:8080/v1/payments ]; then",
          "    printf '%s' '{\"payment_id\":\"pay_0123\",\"status\":\"PENDING\","
              + "\"redirect_url\":\"http://127.0.0.1:8090/checkout/psp_42\",\"currency\":\"EUR\"}'",
          "  fi",
          "}",
          "");

  @Test
  void createsPaysAndReadsBackTheSamePayment() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed");
    String snippet = PaymentSnippet.bash("http://127.0.0.1:8080", "http://127.0.0.1:8082");

    Process bash =
        new ProcessBuilder("/bin/bash", "-c", FAKE_CURL + snippet)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> calls =
        new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

    assertThat(calls)
        .containsExactly(
            "POST http://127.0.0.1:8080/v1/payments",
            "POST http://127.0.0.1:8090/checkout/psp_42",
            "GET http://127.0.0.1:8080/v1/payments/pay_0123",
            "GET http://127.0.0.1:8082/v1/payments/pay_0123/entries");
    assertThat(snippet).contains("authorization: Bearer " + DemoProvider.MERCHANT_API_KEY);
  }
}
