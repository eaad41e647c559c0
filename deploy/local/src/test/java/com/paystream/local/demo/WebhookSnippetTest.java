package com.paystream.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.paystream.simulator.StandardWebhookSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the printed snippet in a real bash with the real openssl; only curl is replaced. */
class WebhookSnippetTest {

  private static final String SNIPPET =
      WebhookSnippet.bash(
          "http://127.0.0.1:8080",
          "http://127.0.0.1:8082",
          DemoProvider.NAME,
          DemoProvider.WEBHOOK_SECRET);

  /** Prints each argument on its own line instead of sending anything. */
  private static final String FAKE_CURL = "curl() { printf '%s\\n' \"$@\" '--end--'; }\n";

  @BeforeAll
  static void needsBashAndOpenssl() {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed");
    assumeTrue(
        List.of("/usr/bin/openssl", "/bin/openssl", "/usr/local/bin/openssl").stream()
            .anyMatch(path -> Files.isExecutable(Path.of(path))),
        "openssl is needed");
  }

  @Test
  void signsWithTheSameKeyAndFormatAsJava() throws Exception {
    String signingLine =
        SNIPPET.lines().filter(line -> line.startsWith("SIGNATURE=")).findFirst().orElseThrow();
    String body = "{\"type\":\"payment.succeeded\",\"amount_minor\":1999}";

    String fromBash =
        bash(
            "WEBHOOK_ID=msg_fixed\nWEBHOOK_TS=1700000000\nBODY='"
                + body
                + "'\n"
                + signingLine
                + "\nprintf '%s' \"$SIGNATURE\"\n");

    assertThat(fromBash)
        .isEqualTo(
            new StandardWebhookSigner(DemoProvider.WEBHOOK_SECRET)
                .signature("msg_fixed", 1700000000L, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void postsAFreshlySignedCallbackAndReadsTheSamePaymentBack() throws Exception {
    List<String> args = bash(FAKE_CURL + SNIPPET).lines().toList();

    String id = header(args, "webhook-id");
    String timestamp = header(args, "webhook-timestamp");
    String body = args.get(args.indexOf("--data-binary") + 1);
    assertThat(header(args, "webhook-signature"))
        .isEqualTo(
            new StandardWebhookSigner(DemoProvider.WEBHOOK_SECRET)
                .signature(id, Long.parseLong(timestamp), body.getBytes(StandardCharsets.UTF_8)));
    assertThat(id).matches("msg_[0-9a-f]{24}");
    assertThat(Long.parseLong(timestamp))
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    assertThat(args)
        .contains("http://127.0.0.1:8080/v1/webhooks/simulator", "content-type: application/json");

    String paymentId = field(body, "payment_id");
    assertThat(paymentId).matches("pay_[0-9a-f]{16}");
    assertThat(body)
        .matches(
            "\\{\"type\":\"payment\\.succeeded\",\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\","
                + "\"data\":\\{\"payment_id\":\"pay_[0-9a-f]{16}\",\"merchant_id\":\"m-demo\","
                + "\"amount_minor\":1999,\"currency\":\"EUR\",\"status\":\"SUCCEEDED\","
                + "\"provider_payment_id\":\"psp_[0-9a-f]{16}\"\\}\\}");
    assertThat(args).contains("http://127.0.0.1:8082/v1/payments/" + paymentId + "/entries");
  }

  @Test
  void everyPasteIsANewPayment() throws Exception {
    String first = field(bodyOf(bash(FAKE_CURL + SNIPPET)), "payment_id");
    String second = field(bodyOf(bash(FAKE_CURL + SNIPPET)), "payment_id");

    assertThat(first).isNotEqualTo(second);
  }

  private static String bodyOf(String output) {
    List<String> args = output.lines().toList();
    return args.get(args.indexOf("--data-binary") + 1);
  }

  private static String header(List<String> args, String name) {
    return args.stream()
        .filter(arg -> arg.startsWith(name + ": "))
        .map(arg -> arg.substring(name.length() + 2))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no header " + name + " in " + args));
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertThat(matcher.find()).as("field %s in %s", name, json).isTrue();
    return matcher.group(1);
  }

  private static String bash(String script) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
