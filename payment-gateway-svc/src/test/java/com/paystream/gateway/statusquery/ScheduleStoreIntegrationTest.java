package com.paystream.gateway.statusquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.statusquery.persistence.R2dbcScheduleStore;
import com.paystream.gateway.testsupport.GatewayDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The schedule's concurrency rules against the real PostgreSQL: rows another instance holds are
 * skipped, not waited for; a lapsed claim is due again; a finish under a stale claim changes
 * nothing; a lost-order trigger wins over a claim in flight and is applied once per event.
 */
class ScheduleStoreIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_sq_store");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static R2dbcScheduleStore store;

  @BeforeAll
  static void migrate() {
    var coordinates = DB.coordinates();
    Flyway.configure()
        .dataSource(
            coordinates.jdbcUrl(), coordinates.owner().username(), coordinates.owner().password())
        .locations("classpath:db/migration", "classpath:db/outbox")
        .placeholders(
            java.util.Map.of(
                "runtime_role", coordinates.runtime().username(), "relay_runtime_role", ""))
        .load()
        .migrate();
    ConnectionFactoryOptions options =
        ConnectionFactoryOptions.parse(coordinates.r2dbcUrl())
            .mutate()
            .option(ConnectionFactoryOptions.USER, coordinates.runtime().username())
            .option(ConnectionFactoryOptions.PASSWORD, coordinates.runtime().password())
            .build();
    store =
        new R2dbcScheduleStore(
            DatabaseClient.create(ConnectionFactories.get(options)), Duration.ofMinutes(10));
  }

  private static List<String> dueRows(String prefix, int count, Instant dueAt) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + "-" + UUID.randomUUID();
      ids.add(id);
      store
          .requestNow(id, Optional.of("simulator"), "evt-" + id, Optional.empty(), dueAt)
          .block(TIMEOUT);
    }
    return ids;
  }

  private static Set<String> claim(Instant now, int limit, UUID token) {
    Set<String> claimed = new HashSet<>();
    store.claim(now, limit, LEASE, token).block(TIMEOUT).forEach(q -> claimed.add(q.paymentId()));
    return claimed;
  }

  @Test
  void rowsAnotherInstanceHoldsAreSkippedNotWaitedFor() throws Exception {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");
    List<String> ids = dueRows("skip", 6, past);
    try (Connection other = DB.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement(
              "select payment_id from status_query_schedule where payment_id = any(?)"
                  + " for update")) {
        lock.setArray(1, other.createArrayOf("text", ids.subList(0, 2).toArray()));
        try (ResultSet locked = lock.executeQuery()) {
          while (locked.next()) {
            // rows held by the "other instance" until rollback
          }
        }
      }

      Set<String> claimed = claim(past.plusSeconds(1), 100, UUID.randomUUID());

      assertThat(claimed).containsExactlyInAnyOrderElementsOf(ids.subList(2, 6));
      other.rollback();
    }
    assertThat(claim(past.plusSeconds(1), 100, UUID.randomUUID()))
        .containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
  }

  @Test
  void aClaimIsALeaseThatLapses() {
    Instant now = Instant.parse("2021-01-01T00:00:00Z");
    String id = dueRows("lease", 1, now).get(0);

    assertThat(claim(now, 100, UUID.randomUUID())).contains(id);
    assertThat(claim(now.plus(LEASE).minusSeconds(1), 100, UUID.randomUUID())).doesNotContain(id);
    assertThat(claim(now.plus(LEASE), 100, UUID.randomUUID())).contains(id);
  }

  @Test
  void aLostOrderDuringAQueryIsNotOverwrittenByItsFinish() {
    Instant now = Instant.parse("2022-01-01T00:00:00Z");
    String id = dueRows("race", 1, now).get(0);
    DueQuery claimed =
        store.claim(now, 100, LEASE, UUID.randomUUID()).block(TIMEOUT).stream()
            .filter(q -> q.paymentId().equals(id))
            .findFirst()
            .orElseThrow();

    boolean triggered =
        store
            .requestNow(id, Optional.empty(), "evt-second", Optional.empty(), now.plusSeconds(1))
            .block(TIMEOUT);
    store
        .reschedule(claimed, 1, now.plus(Duration.ofHours(6)), QueryOutcome.DUPLICATE, now)
        .block(TIMEOUT);

    assertThat(triggered).isTrue();
    assertThat(
            DB.rows(
                "select reason, next_query_at, attempts from status_query_schedule"
                    + " where payment_id = ?",
                id))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("reason")).isEqualTo("LOST_ORDER");
              assertThat(row.get("attempts")).isEqualTo(0);
            });
    assertThat(claim(now.plusSeconds(2), 100, UUID.randomUUID())).contains(id);
  }

  @Test
  void theSameTriggerEventTwiceChangesNothing() {
    Instant now = Instant.parse("2023-01-01T00:00:00Z");
    String id = "twice-" + UUID.randomUUID();

    boolean first =
        store.requestNow(id, Optional.empty(), "evt-1", Optional.empty(), now).block(TIMEOUT);
    boolean again =
        store.requestNow(id, Optional.empty(), "evt-1", Optional.empty(), now).block(TIMEOUT);
    boolean next =
        store.requestNow(id, Optional.empty(), "evt-2", Optional.empty(), now).block(TIMEOUT);

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(next).isTrue();
  }
}
