package com.paystream.ledger.booking;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Many outbox messages in one outbox row. A batch of a thousand entries publishes about four
 * thousand records (an entry event and three cashflow lines each); written as one row each, they
 * were the single largest cost of the batch's transaction (row, three index entries and the hex
 * text of the payload per record). A bundle row holds up to {@link #MAX_MESSAGES} of them, in
 * order, each still the exact Kafka record (topic, key, value in Confluent wire format, message id,
 * trace id), and the publisher fans it out into those records: the topics see exactly what they saw
 * before, in the same order.
 *
 * <p>A bundle row's topic is {@link #TOPIC}, which is not a legal Kafka topic name (it has a
 * colon), so a publisher that does not fan bundles out fails on it instead of publishing it as is.
 *
 * <p>Format (version 2): the bytes {@code P S B 2}, the number of messages (int), then per message
 * the message id (two longs), topic, key, trace id and span id (each an int length and UTF-8
 * bytes), and the value (an int length and the bytes). Big-endian, as {@link DataOutputStream}
 * writes. Version 1 ({@code P S B 1}) is the same without the span id; bundles of either version
 * are read, so that rows written before an upgrade are still published.
 */
public final class OutboxBundle {

  /** The outbox topic of bundle rows. */
  public static final String TOPIC = "ledger-svc:bundle";

  /** At most this many messages per row (about 350 kB), so a publisher batch stays small. */
  public static final int MAX_MESSAGES = 1_000;

  private static final byte[] MAGIC = {'P', 'S', 'B', 2};
  private static final byte VERSION_1 = 1;
  private static final byte VERSION_2 = 2;

  private OutboxBundle() {}

  public static boolean isBundle(String topic) {
    return TOPIC.equals(topic);
  }

  /**
   * The rows to write for the messages, in order: a lone message as itself (it needs no fan-out),
   * else bundles of at most {@code maxMessages}. A bundle's id is derived from its first message's,
   * so the unique message id of the outbox still refuses the same messages twice.
   */
  public static List<OutboxMessage> pack(List<OutboxMessage> messages, int maxMessages) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("a bundle holds at least one message: " + maxMessages);
    }
    if (messages.size() <= 1) {
      return List.copyOf(messages);
    }
    List<OutboxMessage> rows = new ArrayList<>(messages.size() / maxMessages + 1);
    for (int from = 0; from < messages.size(); from += maxMessages) {
      List<OutboxMessage> part =
          messages.subList(from, Math.min(messages.size(), from + maxMessages));
      UUID id = bundleId(part.get(0).messageId());
      // The bundle row itself belongs to no trace: each message in it carries its own.
      rows.add(new OutboxMessage(id, TOPIC, "", encode(part), ""));
    }
    return rows;
  }

  public static List<OutboxMessage> pack(List<OutboxMessage> messages) {
    return pack(messages, MAX_MESSAGES);
  }

  /** The messages of a bundle's value, in order. */
  public static List<OutboxMessage> unpack(byte[] value) {
    try {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value));
      byte version = version(value);
      int count = header(in);
      List<OutboxMessage> messages = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        UUID id = new UUID(in.readLong(), in.readLong());
        String topic = readText(in);
        String key = readText(in);
        String traceId = readText(in);
        String spanId = version == VERSION_1 ? "" : readText(in);
        byte[] payload = readBytes(in);
        messages.add(new OutboxMessage(id, topic, key, payload, traceId, spanId));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("outbox bundle has trailing bytes");
      }
      return messages;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable outbox bundle: " + e.getMessage(), e);
    }
  }

  /** How many messages a bundle's value holds, read from its header alone. */
  public static int count(byte[] value) {
    if (value.length < MAGIC.length + Integer.BYTES) {
      throw new IllegalArgumentException("not an outbox bundle: too short");
    }
    version(value);
    return ByteBuffer.wrap(value, MAGIC.length, Integer.BYTES).getInt();
  }

  private static byte[] encode(List<OutboxMessage> messages) {
    int size = MAGIC.length + Integer.BYTES;
    for (OutboxMessage m : messages) {
      size += 64 + m.spanId().length() + m.topic().length() + m.key().length() + m.payload().length;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(messages.size());
      for (OutboxMessage m : messages) {
        out.writeLong(m.messageId().getMostSignificantBits());
        out.writeLong(m.messageId().getLeastSignificantBits());
        writeText(out, m.topic());
        writeText(out, m.key());
        writeText(out, m.traceId());
        writeText(out, m.spanId());
        out.writeInt(m.payload().length);
        out.write(m.payload());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  private static int header(DataInputStream in) throws IOException {
    in.skipNBytes(MAGIC.length);
    int count = in.readInt();
    if (count < 0) {
      throw new IllegalArgumentException("outbox bundle with a negative count");
    }
    return count;
  }

  /** The format version of a bundle's value (1 or 2); anything else is refused. */
  private static byte version(byte[] value) {
    int last = MAGIC.length - 1;
    if (value.length < MAGIC.length) {
      throw new IllegalArgumentException("not an outbox bundle: too short");
    }
    for (int i = 0; i < last; i++) {
      if (value[i] != MAGIC[i]) {
        throw new IllegalArgumentException("not an outbox bundle (version 1 or 2)");
      }
    }
    if (value[last] != VERSION_1 && value[last] != VERSION_2) {
      throw new IllegalArgumentException("outbox bundle of unknown version " + value[last]);
    }
    return value[last];
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IllegalArgumentException("outbox bundle field of " + length + " bytes is cut off");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  private static UUID bundleId(UUID firstMessageId) {
    return UUID.nameUUIDFromBytes(
        ("paystream-ledger/outbox-bundle/" + firstMessageId).getBytes(StandardCharsets.UTF_8));
  }
}
