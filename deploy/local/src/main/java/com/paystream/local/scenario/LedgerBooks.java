package com.paystream.local.scenario;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The ledger's journal entries of the day's payments, as last read from the ledger's API. */
final class LedgerBooks {

  static final String PAYMENT = "PAYMENT";

  private final ServiceApi api;
  private final String ledger;
  private final Map<String, List<LedgerEntry>> books = new ConcurrentHashMap<>();

  /**
   * @param ledger the ledger's base URL
   */
  LedgerBooks(ServiceApi api, String ledger) {
    this.api = api;
    this.ledger = ledger;
  }

  /** Reads the payment's entries afresh. */
  void read(String paymentId) {
    JsonNode entries =
        api.get(ledger + "/v1/payments/" + paymentId + "/entries")
            .expect("reading the entries of " + paymentId, 200)
            .json();
    books.put(paymentId, LedgerEntry.listOf(entries));
  }

  /** Reads the books of every payment not booked yet, until all are or the pipeline timed out. */
  void awaitBooked(Collection<String> paymentIds, Workers workers) {
    Pause.until(
        ScenarioRun.PIPELINE_TIMEOUT,
        ScenarioRun.POLL,
        () -> {
          List<String> waiting = paymentIds.stream().filter(id -> !isBooked(id)).toList();
          workers.inParallel(waiting, this::read);
          return waiting.stream().allMatch(this::isBooked);
        });
  }

  boolean isBooked(String paymentId) {
    return count(paymentId, PAYMENT) > 0;
  }

  /** The payment's entries as last read; null when never read. */
  List<LedgerEntry> entries(String paymentId) {
    return books.get(paymentId);
  }

  /** Entries of {@code type} the payment has, as last read (none when never read). */
  long count(String paymentId, String type) {
    return LedgerEntry.count(books.getOrDefault(paymentId, List.of()), type);
  }

  /** How many of the payments have exactly one entry of {@code type}. */
  int countBookedOnce(Collection<String> paymentIds, String type) {
    return (int) paymentIds.stream().filter(id -> count(id, type) == 1).count();
  }

  /** The payment's first booking, as last read. */
  Optional<LedgerEntry> booking(String paymentId) {
    return books.getOrDefault(paymentId, List.of()).stream()
        .filter(entry -> entry.type().equals(PAYMENT))
        .findFirst();
  }

  /** Every business date an entry read so far fell on, oldest first. */
  Set<LocalDate> effectiveDates() {
    Set<LocalDate> dates = new TreeSet<>();
    books.values().forEach(entries -> entries.forEach(e -> dates.add(e.effectiveDate())));
    return dates;
  }
}
