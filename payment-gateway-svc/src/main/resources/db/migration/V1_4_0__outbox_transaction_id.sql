-- The callback relay reads this outbox as a log in transaction-id windows (see the relay's
-- migration V4): each row records the transaction that inserted it. Added without a table rewrite
-- (rows that exist keep a null xid); the relay's migration adds the same column and index when it
-- finds the table first, and "if not exists" lets whichever runs second skip them.
alter table outbox add column if not exists xid xid8;
alter table outbox alter column xid set default pg_current_xact_id();
create index if not exists outbox_xid on outbox (xid);
-- The relay no longer claims rows by status (it never updates outbox rows now), so new rows stay
-- 'PENDING' for good: these partial indexes would only grow and cost every insert.
drop index if exists outbox_first_publication;
drop index if exists outbox_redelivery_due;
drop index if exists outbox_due;
