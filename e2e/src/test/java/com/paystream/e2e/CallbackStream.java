package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.e2e.SuiteClient.Callback;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Succeeded-payment callbacks posted to the gateway by a few threads until stopped, remembering
 * which ones the gateway acknowledged (2xx): what the suite promised to book.
 */
final class CallbackStream implements AutoCloseable {

  private static final Duration BOOKED = Duration.ofSeconds(180);

  private final SuiteClient client;
  private final ExecutorService threads;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();

  private CallbackStream(SuiteClient client, int concurrency, Duration pause) {
    this.client = client;
    this.threads = Executors.newFixedThreadPool(concurrency);
    for (int i = 0; i < concurrency; i++) {
      threads.execute(() -> post(pause));
    }
  }

  /** Starts posting with {@code concurrency} threads, each pausing {@code pause} between posts. */
  static CallbackStream start(SuiteClient client, int concurrency, Duration pause) {
    return new CallbackStream(client, concurrency, pause);
  }

  /** Posts {@code count} callbacks one after the other; returns the acknowledged payment ids. */
  static Set<String> send(SuiteClient client, int count) throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < count; i++) {
      Callback callback = Callback.succeeded(1000 + i, i % 2 == 0 ? "EUR" : "USD");
      HttpResponse<String> response = client.post(callback, callback.signature());
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
      acknowledged.add(callback.paymentId());
    }
    return acknowledged;
  }

  private void post(Duration pause) {
    int n = 0;
    while (running.get()) {
      Callback callback = Callback.succeeded(100 + n++ % 900, n % 3 == 0 ? "USD" : "EUR");
      try {
        HttpResponse<String> response = client.post(callback, callback.signature());
        if (response.statusCode() / 100 == 2) {
          acknowledged.add(callback.paymentId());
        } else {
          refused.incrementAndGet();
        }
      } catch (Exception e) {
        // Not acknowledged: the provider would retry; nothing was promised.
        refused.incrementAndGet();
      }
      sleep(pause);
    }
  }

  /** Stops posting; returns the payment ids of every acknowledged callback. */
  Set<String> stop() {
    running.set(false);
    threads.shutdown();
    try {
      threads.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Set.copyOf(acknowledged);
  }

  int acknowledgedSoFar() {
    return acknowledged.size();
  }

  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Waits until every payment has a PAYMENT entry in the ledger's database, then returns how many
   * each has (exactly once means 1 for every one).
   */
  static Map<String, Integer> awaitBooked(ConnectionSource ledger, Set<String> paymentIds) {
    Map<String, Integer> counts = new HashMap<>();
    await()
        .atMost(BOOKED)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              counts.clear();
              counts.putAll(paymentEntries(ledger, paymentIds));
              return counts.keySet().containsAll(paymentIds);
            });
    return counts;
  }

  private static Map<String, Integer> paymentEntries(ConnectionSource ledger, Set<String> ids)
      throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection connection = ledger.open();
        PreparedStatement query =
            connection.prepareStatement(
                "select payment_id, count(*) from journal_entry"
                    + " where entry_type = 'PAYMENT' and payment_id = any(?) group by payment_id")) {
      Array array = connection.createArrayOf("text", ids.toArray());
      query.setArray(1, array);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }

  /** Debits minus credits per currency over the whole journal: 0 in every currency. */
  static Map<String, Long> trialBalance(ConnectionSource ledger) throws SQLException {
    return sums(
        ledger,
        "select currency, sum(case side when 'DEBIT' then amount_minor else -amount_minor end)"
            + " from posting group by currency");
  }

  /** Every account's balance, by account code. */
  static Map<String, Long> balances(ConnectionSource ledger) throws SQLException {
    return sums(ledger, "select code, available_minor from account");
  }

  private static Map<String, Long> sums(ConnectionSource ledger, String sql) throws SQLException {
    Map<String, Long> result = new TreeMap<>();
    try (Connection connection = ledger.open();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        result.put(rows.getString(1), rows.getLong(2));
      }
    }
    return result;
  }

  /** Where to read the ledger's database from: the server serving as primary now. */
  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /** The currencies whose debits and credits differ. */
  static List<String> imbalanced(Map<String, Long> trialBalance) {
    return trialBalance.entrySet().stream()
        .filter(line -> line.getValue() != 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
