package com.paystream.ledger.journal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Entry ids are derived from the id of the message that caused them: applying the same message in
 * any instance, or rebuilding the ledger from the topics, names the entry the same way.
 */
public final class EntryIds {

  private EntryIds() {}

  public static UUID forSource(UUID sourceEventId) {
    return UUID.nameUUIDFromBytes(
        ("paystream-ledger/entry/" + sourceEventId).getBytes(StandardCharsets.UTF_8));
  }
}
