package com.paystream.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A {@link BinaryDecoder} over one in-memory payload that refuses any length or item count larger
 * than the bytes that are left. Avro's own decoder allocates what a length prefix claims before it
 * notices the data is short, so one corrupt record could claim 2 GB and kill the consumer with an
 * {@link OutOfMemoryError}; here it is a clean {@link AvroRuntimeException} instead. It also skips
 * array and map blocks without trusting a negative byte count (which would move backwards).
 *
 * <p>Array and map counts are bounded by one byte per item, which holds for every contract in this
 * module (no arrays of {@code null} or of empty records).
 */
final class BoundedDecoder extends Decoder {

  private final BinaryDecoder in;

  BoundedDecoder(BinaryDecoder in) {
    this.in = in;
  }

  /** Bytes not read yet. */
  int remaining() throws IOException {
    return in.inputStream().available();
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = length("string");
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    in.readFixed(result.getBytes(), 0, length);
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public void skipString() throws IOException {
    in.skipFixed(length("string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = length("bytes");
    ByteBuffer result =
        old != null && length <= old.capacity() ? old.clear() : ByteBuffer.allocate(length);
    in.readFixed(result.array(), result.position(), length);
    result.limit(length);
    return result;
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipFixed(length("bytes"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(length);
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public long readArrayStart() throws IOException {
    return count(in.readArrayStart(), "array");
  }

  @Override
  public long arrayNext() throws IOException {
    return count(in.arrayNext(), "array");
  }

  @Override
  public long skipArray() throws IOException {
    return skipBlocks("array");
  }

  @Override
  public long readMapStart() throws IOException {
    return count(in.readMapStart(), "map");
  }

  @Override
  public long mapNext() throws IOException {
    return count(in.mapNext(), "map");
  }

  @Override
  public long skipMap() throws IOException {
    return skipBlocks("map");
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }

  /**
   * Skips blocks that carry their byte size; returns the item count of the first block without one,
   * which the caller then skips item by item (the {@link Decoder#skipArray} contract).
   */
  private long skipBlocks(String what) throws IOException {
    long count = in.readLong();
    while (count < 0) {
      in.skipFixed(length(what + " block"));
      count = in.readLong();
    }
    return count(count, what);
  }

  private int length(String what) throws IOException {
    long length = in.readLong();
    int remaining = remaining();
    if (length < 0 || length > remaining) {
      throw new AvroRuntimeException(
          "Malformed data: " + what + " length " + length + " with " + remaining + " bytes left");
    }
    return (int) length;
  }

  private long count(long count, String what) throws IOException {
    int remaining = remaining();
    if (count < 0 || count > remaining) {
      throw new AvroRuntimeException(
          "Malformed data: " + what + " of " + count + " items with " + remaining + " bytes left");
    }
    return count;
  }
}
