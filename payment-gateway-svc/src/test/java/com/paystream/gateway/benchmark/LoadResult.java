package com.paystream.gateway.benchmark;

import java.util.Arrays;

/** Latencies and outcomes of one load phase. */
record LoadResult(int requests, int accepted, double seconds, long[] latenciesNanos) {

  double acceptedPerSecond() {
    return accepted / seconds;
  }

  double percentileMillis(double percentile) {
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }
}
