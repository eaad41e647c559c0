package com.paystream.recon.matching;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** The binary form of a {@link ReconEvent} in the break stores. */
public final class ReconEventCodec {

  // 4 appends the payout reference (issue 19); 3 appends the statement id and the line's own
  // reference; 2 appends the callback id; 1 to 3 are still read.
  private static final byte VERSION = 4;

  private ReconEventCodec() {}

  public static byte[] encode(ReconEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(event.eventId());
      out.writeUTF(event.breakId());
      out.writeUTF(event.reference());
      out.writeByte(event.outcome().ordinal());
      out.writeByte(event.state().ordinal());
      writeNullable(out, event.resolution());
      out.writeLong(event.businessDate().toEpochDay());
      out.writeUTF(event.leg().currencyCode());
      writeNullable(out, event.leg().statementMinor());
      writeNullable(out, event.leg().internalMinor());
      writeNullable(out, event.statementLineId());
      writeNullable(out, event.entryId());
      writeNullable(out, event.provider());
      writeNullable(out, event.causationId());
      writeNullable(out, event.traceId());
      writeNullable(out, event.callbackId());
      writeNullable(out, event.statementId());
      writeNullable(out, event.statementReference());
      writeNullable(out, event.payoutReference());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static ReconEvent decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version < 1 || version > VERSION) {
        throw new IllegalStateException("unknown recon event encoding version " + version);
      }
      String eventId = in.readUTF();
      String breakId = in.readUTF();
      String reference = in.readUTF();
      Outcome outcome = Outcome.values()[in.readByte()];
      BreakState state = BreakState.values()[in.readByte()];
      String resolution = readNullable(in);
      LocalDate date = LocalDate.ofEpochDay(in.readLong());
      Leg leg = Leg.of(in.readUTF(), readNullableLong(in), readNullableLong(in));
      return new ReconEvent(
          eventId,
          breakId,
          reference,
          outcome,
          state,
          resolution,
          date,
          leg,
          readNullable(in),
          readNullable(in),
          readNullable(in),
          readNullable(in),
          readNullable(in),
          version >= 2 ? readNullable(in) : null,
          version >= 3 ? readNullable(in) : null,
          version >= 3 ? readNullable(in) : null,
          version >= 4 ? readNullable(in) : null);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt recon event", e);
    }
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeNullable(DataOutputStream out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  private static Long readNullableLong(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}
