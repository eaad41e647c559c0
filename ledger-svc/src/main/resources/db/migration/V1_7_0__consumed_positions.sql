-- Consumed positions live in the ledger's own database (ledger-svc README, "Where the consumer
-- starts"). On partition assignment the listeners seek to max(source_offset) + 1 of the partition
-- as recorded in processed_event, the dedupe records written in each booking transaction; after
-- the database is restored to an earlier instant, the group's committed offsets are ahead of it and
-- would skip everything booked after the restore point.
--
-- This index makes that a backward scan of one index page per assigned partition. It is one more
-- index entry per consumed message. A plain CREATE INDEX blocks writes to processed_event while it
-- builds: on a large table an operator may build it beforehand with CREATE INDEX CONCURRENTLY
-- under the same name, and this migration then does nothing. (CONCURRENTLY cannot run here: Flyway
-- holds its PostgreSQL lock in a transaction, which a concurrent build would wait for forever.)
create index if not exists processed_event_source_position
    on processed_event (source_topic, source_partition, source_offset);
