package com.paystream.relay.confirmation;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records confirmations and ends re-delivery of what they confirm, for a whole consumer batch in
 * one statement. Idempotent: a confirmation seen again (the ledger publishes at least once) is
 * ignored by the unique ledger event id, so replaying the topic changes nothing.
 */
public class Confirmations {

  // APPLIED wins over everything (also over an earlier refusal, e.g. after a redrive); REJECTED
  // only stops a message that was not confirmed meanwhile.
  private static final String SQL =
      """
      with incoming as (
          select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[])
              as c(message_id, ledger_event_id, verdict, detail)
      ), recorded as (
          insert into relay.confirmation (message_id, ledger_event_id, verdict, detail)
          select message_id, ledger_event_id, verdict, detail from incoming
          on conflict do nothing
          returning message_id, verdict, detail
      )
      update outbox o set
          status = case when r.verdict = 'APPLIED' then 'CONFIRMED' else 'DEAD' end,
          confirmed_at = case when r.verdict = 'APPLIED' then now() else o.confirmed_at end,
          last_error = case when r.verdict = 'REJECTED' then r.detail else o.last_error end,
          next_attempt_at = 'infinity'
      from recorded r
      where o.message_id = r.message_id
        and o.status <> 'CONFIRMED'
        and (r.verdict = 'APPLIED' or o.status <> 'DEAD')
      """;

  private final JdbcTemplate jdbc;

  public Confirmations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns how many outbox messages changed state. */
  @Transactional
  public int record(List<Confirmation> confirmations) {
    if (confirmations.isEmpty()) {
      return 0;
    }
    Object[] messageIds = confirmations.stream().map(Confirmation::messageId).toArray();
    Object[] eventIds = confirmations.stream().map(Confirmation::ledgerEventId).toArray();
    Object[] verdicts = confirmations.stream().map(c -> c.verdict().name()).toArray();
    Object[] details = confirmations.stream().map(Confirmation::detail).toArray();
    return jdbc.execute(
        (java.sql.Connection c) -> {
          try (var st = c.prepareStatement(SQL)) {
            st.setArray(1, c.createArrayOf("uuid", messageIds));
            st.setArray(2, c.createArrayOf("uuid", eventIds));
            st.setArray(3, c.createArrayOf("text", verdicts));
            st.setArray(4, c.createArrayOf("text", details));
            return st.executeUpdate();
          }
        });
  }
}
