package com.paystream.ledger.sealing;

import com.paystream.ledger.journal.ChainLink;
import java.util.Arrays;
import java.util.Objects;

/** A chain's head as of some entry: its sequence and hash. */
public record ChainHead(String chainId, long lastSequence, byte[] headHash) {

  public ChainHead {
    Objects.requireNonNull(chainId, "chainId");
    if (headHash == null || headHash.length != ChainLink.HASH_BYTES) {
      throw new IllegalArgumentException("a head hash has 32 bytes");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainHead head
        && head.chainId.equals(chainId)
        && head.lastSequence == lastSequence
        && Arrays.equals(head.headHash, headHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, lastSequence, Arrays.hashCode(headHash));
  }
}
