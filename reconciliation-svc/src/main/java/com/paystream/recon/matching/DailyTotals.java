package com.paystream.recon.matching;

import java.nio.ByteBuffer;

/**
 * How many matches a business date had in one currency, and their net amount in minor units:
 * counted rather than stored one by one, because matches are the bulk of the traffic and a report
 * only needs their totals.
 */
public record DailyTotals(long count, long amountMinor) {

  public static final DailyTotals NONE = new DailyTotals(0, 0);

  public DailyTotals plus(long amount) {
    return new DailyTotals(Math.addExact(count, 1), Math.addExact(amountMinor, amount));
  }

  public byte[] encode() {
    return ByteBuffer.allocate(16).putLong(count).putLong(amountMinor).array();
  }

  public static DailyTotals decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new DailyTotals(buffer.getLong(), buffer.getLong());
  }
}
