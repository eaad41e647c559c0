package com.paystream.schemas.serde;

import java.nio.ByteBuffer;

/** Confluent's framing: one magic byte 0, then the schema id as a 4-byte big-endian int. */
final class WireFormat {

  static final byte MAGIC_BYTE = 0;
  static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  static byte[] header(int schemaId) {
    return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /** The schema id of a payload whose framing was already checked. */
  static int schemaId(byte[] payload) {
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }
}
