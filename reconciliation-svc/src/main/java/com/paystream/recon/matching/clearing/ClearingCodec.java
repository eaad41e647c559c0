package com.paystream.recon.matching.clearing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary forms of a {@link ClearingMove} on its repartition topic and of a {@link
 * ClearingCheck} in its store and changelog; the leading version byte lets a later release read
 * what this one wrote.
 */
public final class ClearingCodec {

  private static final byte MOVE_VERSION = 1;
  private static final byte CHECK_VERSION = 1;

  private ClearingCodec() {}

  public static byte[] encode(ClearingMove move) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(MOVE_VERSION);
      out.writeUTF(move.kind().name());
      out.writeUTF(move.currency());
      out.writeUTF(move.accountId());
      out.writeLong(move.sequence());
      out.writeLong(move.minor());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static ClearingMove decodeMove(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != MOVE_VERSION) {
        throw new IllegalStateException("unknown clearing move encoding version " + version);
      }
      ClearingMove.Kind kind = ClearingMove.Kind.valueOf(in.readUTF());
      String currency = in.readUTF();
      String account = in.readUTF();
      long sequence = in.readLong();
      return new ClearingMove(kind, currency, account, sequence, in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt clearing move", e);
    }
  }

  public static byte[] encode(ClearingCheck check) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(CHECK_VERSION);
      out.writeUTF(check.currency());
      out.writeInt(check.accounts().size());
      for (Map.Entry<String, ClearingCheck.AccountBalance> account : check.accounts().entrySet()) {
        out.writeUTF(account.getKey());
        out.writeLong(account.getValue().sequence());
        out.writeLong(account.getValue().minor());
      }
      out.writeLong(check.unpaid());
      out.writeLong(check.awaiting());
      out.writeLong(check.differingSinceMs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static ClearingCheck decodeCheck(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != CHECK_VERSION) {
        throw new IllegalStateException("unknown clearing check encoding version " + version);
      }
      String currency = in.readUTF();
      int count = in.readInt();
      Map<String, ClearingCheck.AccountBalance> accounts = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        String account = in.readUTF();
        long sequence = in.readLong();
        accounts.put(account, new ClearingCheck.AccountBalance(sequence, in.readLong()));
      }
      long unpaid = in.readLong();
      long awaiting = in.readLong();
      return new ClearingCheck(currency, accounts, unpaid, awaiting, in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt clearing check", e);
    }
  }
}
