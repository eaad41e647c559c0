-- The platform's outbox raises NOTIFY from a trigger inside every inserting transaction.
-- PostgreSQL serializes the commits of notifying transactions (a database-wide lock held through
-- the WAL flush), which caps the webhook intake at one flush per callback. The gateway notifies
-- after commit instead (OutboxWakeup): same channel, same empty payload, so the publisher is
-- unaffected; its poll remains the fallback for a lost wake-up.
drop trigger outbox_notify on outbox;
