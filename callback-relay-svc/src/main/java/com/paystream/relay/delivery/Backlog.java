package com.paystream.relay.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Backlog gauges, refreshed on a schedule by one query rather than per scrape, so a slow database
 * never slows the metrics endpoint: messages not yet confirmed (waiting for first publication or
 * for the ledger), the age of the oldest of them, and messages dead-lettered.
 */
public class Backlog {

  // Unconfirmed messages are those the sweep has not reached yet (every row from the first
  // unswept publication's window on, found through the xid index) and those queued for
  // re-delivery; neither set reads confirmed history.
  private static final String UNCONFIRMED_SQL =
      """
      with c as (
          select coalesce((select p.window_lo from relay.publication p
                            where p.id > c.swept_through order by p.id limit 1),
                          c.window_lo) as lo
            from relay.publisher_cursor c
      ), candidates as (
          select o.message_id, o.created_at from outbox o, c
           where o.xid >= c.lo and o.topic not like '%' || ?
          union
          select r.message_id, o.created_at
            from relay.redelivery r join outbox o on o.seq = r.seq
           where r.state = 'WAITING'
      )
      select count(*), coalesce(extract(epoch from now() - min(created_at)) * 1000, 0)::bigint
        from candidates u
       where not exists (select 1 from relay.confirmation x
                          where x.message_id = u.message_id and x.verdict = 'APPLIED')
         and not exists (select 1 from relay.redelivery r
                          where r.message_id = u.message_id and r.state <> 'WAITING')
      """;
  private static final String DEAD_SQL =
      "select count(*) from relay.redelivery r where r.state = 'DEAD' and not exists"
          + " (select 1 from relay.confirmation x where x.message_id = r.message_id"
          + " and x.verdict = 'APPLIED')";

  private final JdbcTemplate jdbc;
  private final AtomicLong unconfirmed = new AtomicLong();
  private final AtomicLong oldestUnconfirmedMillis = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();

  public Backlog(JdbcTemplate jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    Gauge.builder("relay.backlog", unconfirmed, AtomicLong::get)
        .description("Recorded messages the ledger has not confirmed yet")
        .register(registry);
    Gauge.builder("relay.oldest.unconfirmed.age", oldestUnconfirmedMillis, a -> a.get() / 1000.0)
        .baseUnit("seconds")
        .description("Age of the oldest recorded message the ledger has not confirmed")
        .register(registry);
    Gauge.builder("relay.dead", dead, AtomicLong::get)
        .description("Messages dead-lettered and waiting for an operator")
        .register(registry);
  }

  @Scheduled(fixedDelayString = "${paystream.relay.backlog-refresh:5s}")
  public void refresh() {
    jdbc.query(
        UNCONFIRMED_SQL,
        (org.springframework.jdbc.core.RowCallbackHandler)
            rs -> {
              unconfirmed.set(rs.getLong(1));
              oldestUnconfirmedMillis.set(rs.getLong(2));
            },
        Redeliveries.UNCONFIRMED_TOPIC);
    Long deadCount = jdbc.queryForObject(DEAD_SQL, Long.class);
    dead.set(deadCount == null ? 0 : deadCount);
  }

  public Duration oldestUnconfirmedAge() {
    return Duration.ofMillis(oldestUnconfirmedMillis.get());
  }
}
