package com.paystream.ledger.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An entry's place in its hash chain: the chain, its sequence there (from 1, gap-free, in commit
 * order), the previous entry's hash ({@link #GENESIS} for the first) and its own hash.
 *
 * <p>The entry hash (version 1) is SHA-256 over {@code "PSJC" 0x01 | chain id (int32 length, UTF-8)
 * | sequence (int64) | previous hash (32 bytes) | content hash (32 bytes)}, the content hash being
 * SHA-256 of {@link EntryContent}'s encoding. The content hash is computed where the entry is
 * composed; only this short hash runs in chain order.
 */
public record ChainLink(String chainId, long sequence, byte[] previousHash, byte[] entryHash) {

  public static final int HASH_BYTES = 32;

  /** The "previous hash" of a chain's first entry. */
  public static final byte[] GENESIS = new byte[HASH_BYTES];

  private static final byte[] MAGIC = {'P', 'S', 'J', 'C', 1};

  public ChainLink {
    Objects.requireNonNull(chainId, "chainId");
    if (sequence < 1) {
      throw new IllegalArgumentException("chain sequences start at 1: " + sequence);
    }
    checkHash(previousHash);
    checkHash(entryHash);
  }

  /** The link after {@code previousHash} at {@code sequence} for an entry of that content hash. */
  public static ChainLink next(
      String chainId, long sequence, byte[] previousHash, byte[] contentHash) {
    return new ChainLink(
        chainId, sequence, previousHash, hash(chainId, sequence, previousHash, contentHash));
  }

  public static byte[] hash(
      String chainId, long sequence, byte[] previousHash, byte[] contentHash) {
    checkHash(previousHash);
    checkHash(contentHash);
    byte[] id = chainId.getBytes(StandardCharsets.UTF_8);
    MessageDigest sha = EntryContent.sha256();
    sha.update(MAGIC);
    sha.update(int32(id.length));
    sha.update(id);
    sha.update(int64(sequence));
    sha.update(previousHash);
    sha.update(contentHash);
    return sha.digest();
  }

  private static void checkHash(byte[] hash) {
    if (hash == null || hash.length != HASH_BYTES) {
      throw new IllegalArgumentException("a chain hash has 32 bytes");
    }
  }

  private static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static byte[] int64(long v) {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) v;
      v >>>= 8;
    }
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChainLink link
        && link.chainId.equals(chainId)
        && link.sequence == sequence
        && Arrays.equals(link.previousHash, previousHash)
        && Arrays.equals(link.entryHash, entryHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, sequence, Arrays.hashCode(entryHash));
  }

  @Override
  public String toString() {
    return chainId + "#" + sequence;
  }
}
