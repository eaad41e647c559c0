package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxBundleTest {

  @Test
  void aBundleGivesBackEveryMessageExactlyAndInOrder() {
    List<OutboxMessage> messages = messages(5);

    List<OutboxMessage> rows = OutboxBundle.pack(messages, 10);

    assertThat(rows)
        .singleElement()
        .satisfies(row -> assertThat(row.topic()).isEqualTo(OutboxBundle.TOPIC));
    assertThat(OutboxBundle.count(rows.get(0).payload())).isEqualTo(5);
    assertSameMessages(OutboxBundle.unpack(rows.get(0).payload()), messages);
  }

  @Test
  void splitsIntoBundlesOfAtMostTheLimitKeepingTheOrder() {
    List<OutboxMessage> messages = messages(7);

    List<OutboxMessage> rows = OutboxBundle.pack(messages, 3);

    assertThat(rows)
        .hasSize(3)
        .extracting(r -> OutboxBundle.count(r.payload()))
        .containsExactly(3, 3, 1);
    List<OutboxMessage> unpacked = new ArrayList<>();
    rows.forEach(r -> unpacked.addAll(OutboxBundle.unpack(r.payload())));
    assertSameMessages(unpacked, messages);
    assertThat(rows).extracting(OutboxMessage::messageId).doesNotHaveDuplicates();
  }

  @Test
  void aLoneMessageIsWrittenAsItself() {
    List<OutboxMessage> one = messages(1);

    assertThat(OutboxBundle.pack(one, 10)).containsExactlyElementsOf(one);
    assertThat(OutboxBundle.pack(List.of(), 10)).isEmpty();
  }

  @Test
  void theSameMessagesMakeTheSameBundleIdSoTheOutboxRefusesThemTwice() {
    List<OutboxMessage> messages = messages(4);

    assertThat(OutboxBundle.pack(messages, 10).get(0).messageId())
        .isEqualTo(OutboxBundle.pack(messages, 10).get(0).messageId())
        .isNotEqualTo(messages.get(0).messageId());
  }

  @Test
  void refusesWhatIsNotABundle() {
    byte[] confluent = {0, 0, 0, 0, 101, 2, 4};
    byte[] cut = Arrays.copyOf(OutboxBundle.pack(messages(2), 10).get(0).payload(), 40);

    assertThatThrownBy(() -> OutboxBundle.unpack(confluent))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutboxBundle.count(confluent))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutboxBundle.unpack(cut)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachMessageKeepsTheSpanItWasCausedIn() {
    List<OutboxMessage> messages = messages(4);

    List<OutboxMessage> unpacked =
        OutboxBundle.unpack(OutboxBundle.pack(messages, 10).get(0).payload());

    assertThat(unpacked)
        .extracting(OutboxMessage::spanId)
        .containsExactlyElementsOf(messages.stream().map(OutboxMessage::spanId).toList());
    assertThat(OutboxBundle.pack(messages, 10).get(0))
        .satisfies(
            row -> {
              assertThat(row.traceId()).isEmpty();
              assertThat(row.spanId()).isEmpty();
            });
  }

  @Test
  void aBundleWrittenBeforeSpanIdsIsStillRead() {
    UUID id = UUID.randomUUID();
    byte[] version1 = version1Bundle(id, "ledger.entries.v1", "k", "trace-1", new byte[] {7, 8});

    assertThat(OutboxBundle.count(version1)).isEqualTo(1);
    assertThat(OutboxBundle.unpack(version1))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.messageId()).isEqualTo(id);
              assertThat(m.topic()).isEqualTo("ledger.entries.v1");
              assertThat(m.key()).isEqualTo("k");
              assertThat(m.traceId()).isEqualTo("trace-1");
              assertThat(m.spanId()).isEmpty();
              assertThat(m.payload()).containsExactly(7, 8);
            });
  }

  @Test
  void refusesABundleOfAnUnknownVersion() {
    byte[] bundle = OutboxBundle.pack(messages(2), 10).get(0).payload();
    bundle[3] = 3;

    assertThatThrownBy(() -> OutboxBundle.unpack(bundle))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 3");
  }

  /** A bundle as the format's version 1 wrote it (no span id). */
  private static byte[] version1Bundle(
      UUID id, String topic, String key, String traceId, byte[] payload) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.write(new byte[] {'P', 'S', 'B', 1});
      out.writeInt(1);
      out.writeLong(id.getMostSignificantBits());
      out.writeLong(id.getLeastSignificantBits());
      for (String text : List.of(topic, key, traceId)) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      out.writeInt(payload.length);
      out.write(payload);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Test
  void theBundleTopicIsNoKafkaTopicSoNoPlainPublisherCanShipIt() {
    assertThat(OutboxBundle.TOPIC).doesNotMatch("[a-zA-Z0-9._-]+");
  }

  private static List<OutboxMessage> messages(int n) {
    List<OutboxMessage> messages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] payload = ("value-" + i + "-\u00e9\t\n").getBytes(StandardCharsets.UTF_8);
      payload[0] = (byte) i;
      messages.add(
          new OutboxMessage(
              UUID.randomUUID(),
              i % 2 == 0 ? "ledger.entries.v1" : "ledger.cashflow.v1",
              "key-\u00fc-" + i,
              payload,
              i % 3 == 0 ? "" : "trace-" + i,
              i % 3 == 0 ? "" : "span-" + i));
    }
    return messages;
  }

  private static void assertSameMessages(List<OutboxMessage> actual, List<OutboxMessage> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      OutboxMessage a = actual.get(i);
      OutboxMessage e = expected.get(i);
      assertThat(a.messageId()).isEqualTo(e.messageId());
      assertThat(a.topic()).isEqualTo(e.topic());
      assertThat(a.key()).isEqualTo(e.key());
      assertThat(a.payload()).isEqualTo(e.payload());
      assertThat(a.traceId()).isEqualTo(e.traceId());
      assertThat(a.spanId()).isEqualTo(e.spanId());
    }
  }
}
