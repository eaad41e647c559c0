package com.paystream.relay.confirmation;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records confirmations for a whole consumer batch. Idempotent: a confirmation seen again (the
 * ledger publishes at least once) is ignored by the unique ledger event id, so replaying the topic
 * changes nothing. The confirmation itself is the message's state for the publisher (an applied
 * message is never queued for re-delivery); a message already in the re-delivery queue leaves it,
 * and a refusal puts the message there as dead at once, so that re-delivery stops.
 */
public class Confirmations {

  private static final String RECORD_SQL =
      """
      insert into relay.confirmation (message_id, ledger_event_id, verdict, detail)
      select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[])
      on conflict do nothing
      returning message_id, verdict, detail
      """;
  // REJECTED only stops a message that was not confirmed meanwhile; applied runs second and wins
  // over everything, also over an earlier refusal (e.g. after a redrive).
  private static final String REJECTED_SQL =
      """
      insert into relay.redelivery (message_id, seq, attempts, state, next_attempt_at, last_error)
      select distinct on (r.message_id) r.message_id, o.seq, 1, 'DEAD', 'infinity', r.detail
        from unnest(?::uuid[], ?::text[]) as r(message_id, detail)
        join outbox o on o.message_id = r.message_id
      on conflict (message_id) do update
         set state = 'DEAD', last_error = excluded.last_error, next_attempt_at = 'infinity'
       where relay.redelivery.state = 'WAITING'
      """;
  private static final String APPLIED_SQL =
      "update relay.redelivery set state = 'CONFIRMED', next_attempt_at = 'infinity'"
          + " where message_id = any(?::uuid[]) and state <> 'CONFIRMED'";

  private final JdbcTemplate jdbc;

  public Confirmations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns how many confirmations were new. */
  @Transactional
  public int record(List<Confirmation> confirmations) {
    if (confirmations.isEmpty()) {
      return 0;
    }
    Object[] messageIds = confirmations.stream().map(Confirmation::messageId).toArray();
    Object[] eventIds = confirmations.stream().map(Confirmation::ledgerEventId).toArray();
    Object[] verdicts = confirmations.stream().map(c -> c.verdict().name()).toArray();
    Object[] details = confirmations.stream().map(Confirmation::detail).toArray();
    List<UUID> applied = new ArrayList<>();
    List<UUID> rejected = new ArrayList<>();
    List<String> rejectedDetails = new ArrayList<>();
    jdbc.query(
        c -> {
          PreparedStatement st = c.prepareStatement(RECORD_SQL);
          st.setArray(1, c.createArrayOf("uuid", messageIds));
          st.setArray(2, c.createArrayOf("uuid", eventIds));
          st.setArray(3, c.createArrayOf("text", verdicts));
          st.setArray(4, c.createArrayOf("text", details));
          return st;
        },
        (RowCallbackHandler)
            rs -> {
              UUID id = rs.getObject(1, UUID.class);
              if (Confirmation.Verdict.APPLIED.name().equals(rs.getString(2))) {
                applied.add(id);
              } else {
                rejected.add(id);
                rejectedDetails.add(rs.getString(3));
              }
            });
    if (!rejected.isEmpty()) {
      jdbc.update(
          c -> {
            PreparedStatement st = c.prepareStatement(REJECTED_SQL);
            st.setArray(1, c.createArrayOf("uuid", rejected.toArray()));
            st.setArray(2, c.createArrayOf("text", rejectedDetails.toArray()));
            return st;
          });
    }
    if (!applied.isEmpty()) {
      jdbc.update(
          c -> {
            PreparedStatement st = c.prepareStatement(APPLIED_SQL);
            st.setArray(1, c.createArrayOf("uuid", applied.toArray()));
            return st;
          });
    }
    return applied.size() + rejected.size();
  }
}
