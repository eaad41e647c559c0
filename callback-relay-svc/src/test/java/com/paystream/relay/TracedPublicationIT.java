package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.GatewayOutbox.Recorded;
import com.paystream.relay.support.RelayInstance;
import com.paystream.relay.support.TopicReader;
import com.paystream.testkit.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A callback the gateway recorded inside a trace leaves the relay in that trace: every publication
 * (the first and a re-delivery) carries a {@code traceparent} of the same trace naming a new span
 * of the relay's, and {@code paystream-trace-id} keeps the trace id; the relay's JSON log, in the
 * production format, has a money-trail line per publication with that trace id and the span id of
 * the header at its top level.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracedPublicationIT {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aTracedCallbackIsPublishedAndRedeliveredInItsTraceAndLoggedWithIt(CapturedOutput output) {
    String prefix = SharedInfrastructure.uniqueName("traced") + ".";
    GatewayOutbox outbox = GatewayOutbox.create(prefix);
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    List<String> arguments =
        RelayInstance.arguments(
            bootstrap,
            outbox.database(),
            prefix,
            // Nobody confirms here: the second publication follows one second after the first.
            "--paystream.relay.redelivery-schedule=1s,10m",
            "--paystream.relay.poll-interval=200ms",
            "--logging.config=classpath:logback-structured.xml");

    // Boot initializes logging once per JVM until it is cleaned up, and another test's context may
    // have done it already: cleaned up, this instance's logging.config applies.
    LoggingSystem.get(TracedPublicationIT.class.getClassLoader()).cleanUp();
    try (ConfigurableApplicationContext relay = RelayInstance.start(arguments);
        TopicReader reader = new TopicReader(bootstrap, outbox.callbacksTopic())) {
      Recorded recorded = outbox.recordTraced("pay-traced-1", "simulator", TRACE, SPAN);

      List<ConsumerRecord<String, byte[]>> published =
          reader.readUntil(all -> all.size() >= 2, Duration.ofSeconds(60));

      for (int i = 0; i < 2; i++) {
        ConsumerRecord<String, byte[]> record = published.get(i);
        assertThat(TopicReader.messageId(record)).isEqualTo(recorded.messageId());
        assertThat(TopicReader.header(record, OutboxHeaders.TRACE_ID)).isEqualTo(TRACE);
        assertThat(TopicReader.header(record, OutboxHeaders.DELIVERY_ATTEMPT))
            .isEqualTo(Integer.toString(i + 1));
        TraceParent parent =
            TraceParent.parse(TopicReader.header(record, OutboxHeaders.TRACEPARENT)).orElseThrow();
        assertThat(parent.traceId()).isEqualTo(TRACE);
        assertThat(parent.spanId()).isNotEqualTo(SPAN);
        assertThat(parent.sampled()).isTrue();
        assertThat(trailLine(output, recorded, i + 1))
            .containsEntry("trace_id", TRACE)
            .containsEntry("span_id", parent.spanId())
            .containsEntry("logger_name", "paystream.trail")
            .containsEntry("level", "INFO")
            .containsEntry("key", "pay-traced-1")
            .containsEntry("message", "callback published");
      }
      assertThat(TopicReader.header(published.get(0), OutboxHeaders.TRACEPARENT))
          .isNotEqualTo(TopicReader.header(published.get(1), OutboxHeaders.TRACEPARENT));
    }
  }

  /** The money-trail line of one publication, as a JSON object; fails when there is none. */
  private static Map<String, Object> trailLine(CapturedOutput output, Recorded row, int attempt) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.startsWith("{") && line.contains(row.messageId().toString()))
        .map(TracedPublicationIT::parse)
        .filter(json -> "paystream.trail".equals(json.get("logger_name")))
        .filter(json -> String.valueOf(attempt).equals(String.valueOf(json.get("attempt"))))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no paystream.trail JSON line for "
                        + row.messageId()
                        + " attempt "
                        + attempt
                        + " in:\n"
                        + output.getOut()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String line) {
    return JSON.readValue(line, Map.class);
  }
}
