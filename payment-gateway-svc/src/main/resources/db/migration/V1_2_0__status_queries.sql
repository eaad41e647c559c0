-- Active status queries (the lost-order defence): when to ask a provider next about a payment that
-- is still CREATED or PENDING. This is operational state, not financial history: what a query
-- finds is recorded like any callback (inbox with source STATUS_QUERY, status history, outbox);
-- this table only says when to ask again, so its rows are updated in place.
create table status_query_schedule (
    payment_id       text        primary key
                     check (length(payment_id) between 1 and 64 and payment_id !~ '\s'),
    -- Whom to ask; null when a lost order names a payment we never saw and no provider.
    provider         text        check (length(provider) between 1 and 32),
    state            text        not null check (state in ('ACTIVE', 'DONE', 'EXPIRED')),
    -- OVERDUE: still open past the threshold; LOST_ORDER: reconciliation asked for it.
    reason           text        not null check (reason in ('OVERDUE', 'LOST_ORDER')),
    -- Also the lease: a claim moves it forward by the lease, so a crashed instance's claim lapses.
    next_query_at    timestamptz not null,
    attempts         integer     not null default 0 check (attempts >= 0),
    last_query_at    timestamptz,
    last_outcome     text,
    -- The claim's token while an instance works on the row; a finish needs the same token.
    claim_token      uuid,
    -- The recon result that last asked for an immediate query (a redelivery asks nothing new).
    trigger_event_id text,
    started_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- The only way due rows are looked up: the active ones by due time.
create index status_query_schedule_due on status_query_schedule (next_query_at)
    where state = 'ACTIVE';

-- How far open payments have been scanned for scheduling (one row). Scans start a margin before
-- it, so a payment committed late is still seen; the mark keeps each scan short however many
-- payments stay open.
create table status_query_seed_mark (
    id            boolean     primary key default true check (id),
    seeded_until  timestamptz not null
);

insert into status_query_seed_mark (id, seeded_until) values (true, '-infinity');
