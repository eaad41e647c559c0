package com.paystream.relay.operator;

import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page position: the outbox sequence number of the last message looked at. Keyset
 * pagination, so pages stay stable while new messages are recorded and old ones change state.
 */
public final class Cursor {

  private static final String PREFIX = "seq:";

  private Cursor() {}

  public static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
  }

  /** The sequence number after which the next page starts; 0 for the first page. */
  public static long decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException("not a cursor returned by this API");
      }
      long seq = Long.parseLong(text.substring(PREFIX.length()));
      if (seq < 0) {
        throw new IllegalArgumentException("not a cursor returned by this API");
      }
      return seq;
    } catch (IllegalArgumentException e) {
      throw new InputRefusedException(
          InputReason.MALFORMED_CURSOR, "cursor", "cursor is not one this API gave out");
    }
  }
}
