package com.paystream.relay.delivery;

/**
 * Where each outbox message stands, derived from the relay's own tables (the outbox rows are never
 * updated): {@code CONFIRMED} once the ledger applied it; otherwise its {@code relay.redelivery}
 * row if it has one; otherwise {@code PUBLISHED} behind the publisher's cursor and {@code PENDING}
 * ahead of it.
 */
public final class MessageStatus {

  /**
   * One row per outbox message: seq, message_id, topic, message_key, payload, created_at, status,
   * attempts, published_at, next_attempt_at (null when nothing is scheduled or the message has not
   * reached the re-delivery queue yet), last_error. Narrow it with a where clause on {@code o.}
   * columns or on {@code status}, e.g. {@code select * from (SQL) m where status = 'PENDING'}.
   */
  public static final String SQL =
      """
      select o.seq, o.message_id, o.topic, o.message_key, o.payload, o.created_at,
             case when a.applied then 'CONFIRMED'
                  when r.state = 'WAITING' and r.attempts = 0 then 'PENDING'
                  when r.state = 'WAITING' then 'PUBLISHED'
                  when r.state is not null then r.state
                  when f.published then 'PUBLISHED'
                  else 'PENDING' end as status,
             coalesce(r.attempts, case when f.published then 1 else 0 end) as attempts,
             coalesce(r.published_at, case when f.published and o.xid is not null then
                 (select p.published_at from relay.publication p
                   where p.window_hi > o.xid and p.window_lo <= o.xid
                     and p.seq_after < o.seq and p.seq_last >= o.seq
                   order by p.window_hi, p.seq_last limit 1) end) as published_at,
             case when a.applied or r.state is distinct from 'WAITING'
                       or not isfinite(r.next_attempt_at) then null
                  else r.next_attempt_at end as next_attempt_at,
             r.last_error
        from outbox o
        cross join relay.publisher_cursor c
        left join relay.redelivery r on r.message_id = o.message_id
        cross join lateral (select exists (select 1 from relay.confirmation x
                                            where x.message_id = o.message_id
                                              and x.verdict = 'APPLIED') as applied) a
        cross join lateral (select o.xid is null or o.xid < c.window_lo
                                   or (o.xid < c.window_hi and o.seq <= c.after_seq) as published) f
      """;

  private MessageStatus() {}
}
