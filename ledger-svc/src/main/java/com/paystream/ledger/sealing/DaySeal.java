package com.paystream.ledger.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The seal of a closed business date: SHA-256 over the heads of every journal chain as of the
 * date's last entry in it.
 *
 * <p>Version 1, big-endian: {@code "PSDS" 0x01 | business date (int64 epoch day) | chain count
 * (int32) |} per chain, in the byte order of the chain ids' UTF-8: {@code chain id (int32 length,
 * UTF-8) | last sequence (int64) | head hash (32 bytes)}. The date is part of the hash, so a
 * signature of one date's seal never vouches for another date, even when no entry came in between.
 */
public record DaySeal(LocalDate businessDate, int version, byte[] hash, List<ChainHead> chains) {

  public static final int VERSION = 1;

  private static final byte[] MAGIC = {'P', 'S', 'D', 'S', VERSION};

  /** Chain ids in the byte order of their UTF-8 (for ASCII ids, their natural order). */
  public static final Comparator<ChainHead> ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.chainId().getBytes(StandardCharsets.UTF_8),
              b.chainId().getBytes(StandardCharsets.UTF_8));

  public DaySeal {
    chains = List.copyOf(chains);
  }

  /** The version 1 seal of {@code date} over the chains' heads (any order; they are sorted). */
  public static DaySeal of(LocalDate date, List<ChainHead> heads) {
    List<ChainHead> sorted = new ArrayList<>(heads);
    sorted.sort(ORDER);
    MessageDigest sha = sha256();
    ByteBuffer header = ByteBuffer.allocate(MAGIC.length + Long.BYTES + Integer.BYTES);
    header.put(MAGIC).putLong(date.toEpochDay()).putInt(sorted.size());
    sha.update(header.array());
    for (ChainHead head : sorted) {
      byte[] id = head.chainId().getBytes(StandardCharsets.UTF_8);
      ByteBuffer chain = ByteBuffer.allocate(Integer.BYTES + id.length + Long.BYTES);
      chain.putInt(id.length).put(id).putLong(head.lastSequence());
      sha.update(chain.array());
      sha.update(head.headHash());
    }
    return new DaySeal(date, VERSION, sha.digest(), sorted);
  }

  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
