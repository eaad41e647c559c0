package com.paystream.ledger.journal;

import java.util.Objects;

/**
 * Where a planned entry goes in the journal's chains, and the hash of its content, computed when
 * the entry is composed; the writer only links it (previous hash, sequence) in chain order.
 */
public record ChainSlot(String chainId, byte[] contentHash) {

  public ChainSlot {
    Objects.requireNonNull(chainId, "chainId");
    if (contentHash == null || contentHash.length != ChainLink.HASH_BYTES) {
      throw new IllegalArgumentException("a content hash has 32 bytes");
    }
  }

  /** The slot of an entry on {@code chainId}. */
  public static ChainSlot of(String chainId, BookedEntry entry) {
    return new ChainSlot(chainId, EntryContent.digest(entry));
  }
}
