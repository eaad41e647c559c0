-- Which ledger instance owns which consumed partition, and since which epoch (issue 17).
--
-- Several ledger instances share the payments topics' partitions in one consumer group. An instance
-- frozen past its session timeout (a long GC pause, SIGSTOP, a stalled VM) loses its partitions to
-- another one without knowing it, and when it comes back it may still commit a booking batch it
-- read before the freeze. Kafka fences its producers with epochs; this is the same for the ledger's
-- database: an instance takes a partition by moving its epoch up (ResumeFromDatabase, on
-- assignment, before it reads where to resume), and every booking batch holds its partitions' rows
-- FOR SHARE and compares the epochs with its own. A stale one rolls the batch back.
--
-- Coordination state, not financial history: rows are upserted and updated in place, never
-- deleted by the service.
create table partition_owner (
    consumer_group text        not null,
    topic          text        not null,
    partition      integer     not null check (partition >= 0),
    epoch          bigint      not null check (epoch > 0),
    -- Who took it last (the consumer's member id): for the operator, never compared.
    owner          text        not null,
    since          timestamptz not null,
    primary key (consumer_group, topic, partition)
);
