package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.DailyTotals;
import com.paystream.recon.matching.MatchUnit;
import com.paystream.recon.matching.MatchUnitCodec;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.ReconEventCodec;
import com.paystream.recon.matching.clearing.ClearingCheck;
import com.paystream.recon.matching.clearing.ClearingCodec;
import com.paystream.recon.matching.clearing.ClearingMove;
import com.paystream.recon.matching.internal.InternalUnit;
import com.paystream.recon.matching.internal.InternalUnitCodec;
import com.paystream.recon.matching.payouts.PaidOutUnit;
import com.paystream.recon.matching.payouts.PaidOutUnitCodec;
import com.paystream.recon.matching.payouts.PayoutUnit;
import com.paystream.recon.matching.payouts.PayoutUnitCodec;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher's state: persistent (RocksDB) key-value stores, each backed by a changelog topic, so
 * a restarted or moved task rebuilds exactly what it had. Every store is cached: a unit that
 * changes twice within a commit interval (its statement line and its booking arrive together), a
 * deadline put and deleted again, a total counted up many times, reach RocksDB and the changelog
 * once per commit instead of once per change.
 *
 * <ul>
 *   <li>{@value #UNITS}: reference → {@link MatchUnit}.
 *   <li>{@value #DEADLINES}: {@code <deadline ms, 13 digits>|<reference>} → reference; the index
 *       the punctuator walks in deadline order.
 *   <li>{@value #RESULTS_BY_DATE}: {@code <epoch day, 8 digits>|<break id>|<currency>} → the latest
 *       result of that break leg (breaks only); reports per business date scan one day's prefix.
 *   <li>{@value #MATCHED_TOTALS}: {@code <epoch day, 8 digits>|<currency>} → count and amount of
 *       the matches of that date: matches are the bulk of the traffic and a report needs only their
 *       totals (and the store cache folds a commit interval's updates into one write).
 *   <li>{@value #OPEN_BREAKS}: {@code <break id>|<currency>} → the open result; only what is open,
 *       so listing breaks and summing money at risk stay cheap.
 * </ul>
 */
public final class ReconStores {

  public static final String UNITS = "recon-units";
  public static final String DEADLINES = "recon-deadlines";
  public static final String RESULTS_BY_DATE = "recon-results-by-date";
  public static final String OPEN_BREAKS = "recon-open-breaks";
  public static final String MATCHED_TOTALS = "recon-matched-totals";

  // Internal reconciliation (callbacks against journal entries) keeps the same kinds of stores,
  // its own because it runs in its own sub-topology (a store belongs to one).
  public static final String INTERNAL_UNITS = "recon-internal-units";
  public static final String INTERNAL_DEADLINES = "recon-internal-deadlines";
  public static final String INTERNAL_RESULTS_BY_DATE = "recon-internal-results-by-date";
  public static final String INTERNAL_OPEN_BREAKS = "recon-internal-open-breaks";
  public static final String BOOKED_TOTALS = "recon-booked-totals";

  // The second leg (issue 19): leg A per payout reference (PAYOUT_TOTALS counts PAYOUT_MATCHED),
  // leg B per payment reference (PAID_OUT_TOTALS counts PAID_OUT). Each matcher keeps the same
  // kinds of stores as the first leg's.
  public static final String PAYOUT_UNITS = "recon-payout-units";
  public static final String PAYOUT_DEADLINES = "recon-payout-deadlines";
  public static final String PAYOUT_RESULTS_BY_DATE = "recon-payout-results-by-date";
  public static final String PAYOUT_OPEN_BREAKS = "recon-payout-open-breaks";
  public static final String PAYOUT_TOTALS = "recon-payout-matched-totals";
  public static final String PAID_OUT_UNITS = "recon-paid-out-units";
  public static final String PAID_OUT_DEADLINES = "recon-paid-out-deadlines";
  public static final String PAID_OUT_RESULTS_BY_DATE = "recon-paid-out-results-by-date";
  public static final String PAID_OUT_OPEN_BREAKS = "recon-paid-out-open-breaks";
  public static final String PAID_OUT_TOTALS = "recon-paid-out-totals";

  // The clearing check, per currency (see ClearingCheck).
  public static final String CLEARING_CHECKS = "recon-clearing-checks";

  /** Stores of open break legs, the matcher's first. */
  public static final java.util.List<String> ALL_OPEN_BREAKS =
      java.util.List.of(
          OPEN_BREAKS, INTERNAL_OPEN_BREAKS, PAYOUT_OPEN_BREAKS, PAID_OUT_OPEN_BREAKS);

  /** Stores of break results by business date. */
  public static final java.util.List<String> ALL_RESULTS_BY_DATE =
      java.util.List.of(
          RESULTS_BY_DATE,
          INTERNAL_RESULTS_BY_DATE,
          PAYOUT_RESULTS_BY_DATE,
          PAID_OUT_RESULTS_BY_DATE);

  static final Serde<MatchUnit> UNIT_SERDE =
      Serdes.serdeFrom(
          (topic, unit) -> unit == null ? null : MatchUnitCodec.encode(unit),
          (topic, bytes) -> bytes == null ? null : MatchUnitCodec.decode(bytes));

  public static final Serde<ReconEvent> EVENT_SERDE =
      Serdes.serdeFrom(
          (topic, event) -> event == null ? null : ReconEventCodec.encode(event),
          (topic, bytes) -> bytes == null ? null : ReconEventCodec.decode(bytes));

  public static final Serde<DailyTotals> TOTALS_SERDE =
      Serdes.serdeFrom(
          (topic, totals) -> totals == null ? null : totals.encode(),
          (topic, bytes) -> bytes == null ? null : DailyTotals.decode(bytes));

  static final Serde<InternalUnit> INTERNAL_UNIT_SERDE =
      Serdes.serdeFrom(
          (topic, unit) -> unit == null ? null : InternalUnitCodec.encode(unit),
          (topic, bytes) -> bytes == null ? null : InternalUnitCodec.decode(bytes));

  static final Serde<PayoutUnit> PAYOUT_UNIT_SERDE =
      Serdes.serdeFrom(
          (topic, unit) -> unit == null ? null : PayoutUnitCodec.encode(unit),
          (topic, bytes) -> bytes == null ? null : PayoutUnitCodec.decode(bytes));

  static final Serde<PaidOutUnit> PAID_OUT_UNIT_SERDE =
      Serdes.serdeFrom(
          (topic, unit) -> unit == null ? null : PaidOutUnitCodec.encode(unit),
          (topic, bytes) -> bytes == null ? null : PaidOutUnitCodec.decode(bytes));

  public static final Serde<ClearingCheck> CLEARING_CHECK_SERDE =
      Serdes.serdeFrom(
          (topic, check) -> check == null ? null : ClearingCodec.encode(check),
          (topic, bytes) -> bytes == null ? null : ClearingCodec.decodeCheck(bytes));

  static final Serde<ClearingMove> CLEARING_MOVE_SERDE =
      Serdes.serdeFrom(
          (topic, move) -> move == null ? null : ClearingCodec.encode(move),
          (topic, bytes) -> bytes == null ? null : ClearingCodec.decodeMove(bytes));

  private ReconStores() {}

  static StoreBuilder<KeyValueStore<String, ClearingCheck>> clearingChecks() {
    return cached(CLEARING_CHECKS, CLEARING_CHECK_SERDE);
  }

  /** The stores of the payout matcher (leg A), in the order its processor names them. */
  static List<StoreBuilder<?>> payoutStores() {
    return List.of(
        cached(PAYOUT_UNITS, PAYOUT_UNIT_SERDE),
        cached(PAYOUT_DEADLINES, Serdes.String()),
        cached(PAYOUT_RESULTS_BY_DATE, EVENT_SERDE),
        cached(PAYOUT_OPEN_BREAKS, EVENT_SERDE),
        cached(PAYOUT_TOTALS, TOTALS_SERDE));
  }

  /** The stores of the paid-out matcher (leg B). */
  static List<StoreBuilder<?>> paidOutStores() {
    return List.of(
        cached(PAID_OUT_UNITS, PAID_OUT_UNIT_SERDE),
        cached(PAID_OUT_DEADLINES, Serdes.String()),
        cached(PAID_OUT_RESULTS_BY_DATE, EVENT_SERDE),
        cached(PAID_OUT_OPEN_BREAKS, EVENT_SERDE),
        cached(PAID_OUT_TOTALS, TOTALS_SERDE));
  }

  private static <V> StoreBuilder<KeyValueStore<String, V>> cached(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), values)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, InternalUnit>> internalUnits() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INTERNAL_UNITS), Serdes.String(), INTERNAL_UNIT_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, String>> internalDeadlines() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INTERNAL_DEADLINES), Serdes.String(), Serdes.String())
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, ReconEvent>> internalResultsByDate() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INTERNAL_RESULTS_BY_DATE), Serdes.String(), EVENT_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, ReconEvent>> internalOpenBreaks() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INTERNAL_OPEN_BREAKS), Serdes.String(), EVENT_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, DailyTotals>> bookedTotals() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BOOKED_TOTALS), Serdes.String(), TOTALS_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, MatchUnit>> units() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(UNITS), Serdes.String(), UNIT_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, String>> deadlines() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DEADLINES), Serdes.String(), Serdes.String())
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, ReconEvent>> resultsByDate() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RESULTS_BY_DATE), Serdes.String(), EVENT_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, DailyTotals>> matchedTotals() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(MATCHED_TOTALS), Serdes.String(), TOTALS_SERDE)
        .withCachingEnabled();
  }

  static StoreBuilder<KeyValueStore<String, ReconEvent>> openBreaks() {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(OPEN_BREAKS), Serdes.String(), EVENT_SERDE)
        .withCachingEnabled();
  }

  // --- keys ----------------------------------------------------------------------------------

  // Hand-padded rather than String.format: these run several times per record, and Formatter
  // costs more than the rest of the key handling together.

  static String deadlineKey(long deadlineMs, String reference) {
    return padded(deadlineMs, 13) + "|" + reference;
  }

  /** The largest key of any deadline at or before {@code nowMs} ('}' sorts right after '|'). */
  static String deadlineUpperBound(long nowMs) {
    return padded(nowMs, 13) + "}";
  }

  static long deadlineOf(String key) {
    return Long.parseLong(key.substring(0, 13));
  }

  static String referenceOf(String deadlineKey) {
    return deadlineKey.substring(14);
  }

  public static String dateKey(ReconEvent event) {
    return datePrefix(event.businessDate()) + event.breakId() + "|" + event.currency();
  }

  /** Every key of {@code date} starts with this; the next date's prefix bounds it. */
  public static String datePrefix(LocalDate date) {
    return padded(date.toEpochDay(), 8) + "|";
  }

  public static String totalsKey(LocalDate date, String currency) {
    return datePrefix(date) + currency;
  }

  static String padded(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("negative key part: " + value);
    }
    String digits = Long.toString(value);
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }

  public static String openKey(ReconEvent event) {
    return event.breakId() + "|" + event.currency();
  }
}
