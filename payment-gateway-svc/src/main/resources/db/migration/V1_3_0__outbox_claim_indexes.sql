-- The relay's claim paths on this outbox: first publications in seq order, and due re-deliveries
-- by time, each through an index holding only what that query wants (the outbox_due index also
-- holds every published row still waiting for the ledger's confirmation). The relay's own
-- migration creates the same indexes when it finds the table first; "if not exists" lets
-- whichever runs second skip them.
create index if not exists outbox_first_publication on outbox (seq)
    where status = 'PENDING';
create index if not exists outbox_redelivery_due on outbox (next_attempt_at)
    where status = 'PUBLISHED' and next_attempt_at <> 'infinity';
