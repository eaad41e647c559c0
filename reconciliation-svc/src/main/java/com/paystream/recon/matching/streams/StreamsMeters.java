package com.paystream.recon.matching.streams;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Set;

/**
 * Which of the Kafka Streams client's state-store metrics become meters. Kafka Streams registers
 * every store metric of every level for each store of each task, and at the {@code INFO} recording
 * level (the client's default, kept here) only RocksDB's property gauges (KIP-607: memory, disk,
 * keys, background errors) and the open iterators are ever recorded: the operation rates and
 * latencies, the RocksDB statistics and the record cache's hit ratios stay NaN or 0. Those names
 * times ~126 store-task pairs were two thirds of the service's scrape (10,216 of 15,154 lines after
 * a day; 7,208 lines remain), series nobody can read, stored by every Prometheus that scrapes the
 * service. They are denied; everything else the client reports stays.
 */
public final class StreamsMeters {

  private static final String STORE_PREFIX = "kafka.stream.state.";

  private static final String RECORD_CACHE_PREFIX = "kafka.stream.record.cache.";

  /** The state updater's thread metrics share the stores' group prefix and are kept. */
  private static final String STATE_UPDATER_PREFIX = "kafka.stream.state.updater.";

  /**
   * The store metrics recorded at {@code INFO}: RocksDB's properties, and the open iterators
   * (KIP-989), which show an iterator left open.
   */
  private static final Set<String> RECORDED_STORE_METRICS =
      Set.of(
          "num.immutable.mem.table",
          "cur.size.active.mem.table",
          "cur.size.all.mem.tables",
          "size.all.mem.tables",
          "num.entries.active.mem.table",
          "num.entries.imm.mem.tables",
          "num.deletes.active.mem.table",
          "num.deletes.imm.mem.tables",
          "mem.table.flush.pending",
          "num.running.flushes",
          "compaction.pending",
          "num.running.compactions",
          "estimate.pending.compaction.bytes",
          "total.sst.files.size",
          "live.sst.files.size",
          "num.live.versions",
          "block.cache.capacity",
          "block.cache.usage",
          "block.cache.pinned.usage",
          "estimate.num.keys",
          "estimate.table.readers.mem",
          "background.errors",
          "num.open.iterators",
          "oldest.iterator.open.since.ms");

  private StreamsMeters() {}

  /** Denies the store and record-cache meters that are never recorded at {@code INFO}. */
  public static MeterFilter unrecordedStoreMetersDenied() {
    return MeterFilter.deny(id -> neverRecorded(id.getName()));
  }

  static boolean neverRecorded(String meterName) {
    if (meterName.startsWith(RECORD_CACHE_PREFIX)) {
      return true;
    }
    return meterName.startsWith(STORE_PREFIX)
        && !meterName.startsWith(STATE_UPDATER_PREFIX)
        && !RECORDED_STORE_METRICS.contains(meterName.substring(STORE_PREFIX.length()));
  }
}
