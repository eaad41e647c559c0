-- Gateway core: payments, their append-only status history, and the append-only callback inbox.
-- The relay outbox comes from the platform jar (classpath:db/outbox, version 1.0.1).

-- Rejects every UPDATE, DELETE and TRUNCATE: used on the append-only tables below. Financial
-- history is corrected by new rows, never edited; the database enforces it for every client.
create function reject_modification() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'P0001';
end $$;

-- The current state of each payment. The status columns are a projection of
-- payment_status_history (the record of truth); the identity of a payment never changes.
create table payment (
    payment_id          text        primary key
                        check (length(payment_id) between 1 and 64 and payment_id !~ '\s'),
    merchant_id         text        not null
                        check (length(merchant_id) between 1 and 64 and merchant_id !~ '\s'),
    provider            text        not null check (length(provider) between 1 and 32),
    provider_payment_id text        check (length(provider_payment_id) between 1 and 255),
    amount_minor        bigint      not null check (amount_minor >= 0),
    currency            char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    status              text        not null
                        check (status in ('CREATED', 'PENDING', 'SUCCEEDED', 'FAILED',
                                          'CANCELLED', 'REFUNDED')),
    -- Why an operator must look at the payment (e.g. AMOUNT_MISMATCH); null when nothing is open.
    attention           text,
    -- API when a merchant created it; CALLBACK when a provider told us first (a would-be lost order).
    origin              text        not null check (origin in ('API', 'CALLBACK')),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);

create index payment_merchant_created on payment (merchant_id, created_at, payment_id);
create index payment_open_by_age on payment (updated_at) where status in ('CREATED', 'PENDING');

create function payment_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'payments are never deleted (%)', old.payment_id using errcode = 'P0001';
    end if;
    if new.payment_id is distinct from old.payment_id or new.merchant_id is distinct from old.merchant_id
       or new.currency is distinct from old.currency or new.created_at is distinct from old.created_at
       or new.origin is distinct from old.origin or new.provider is distinct from old.provider then
        raise exception 'the identity of payment % is immutable', old.payment_id using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger payment_guard before update or delete on payment
    for each row execute function payment_guard();
create trigger payment_no_truncate before truncate on payment
    for each statement execute function reject_modification();

-- Every status decision about a payment, including those that did not move it (late, repeated,
-- flagged), with who or what caused it.
create table payment_status_history (
    seq             bigint      generated always as identity primary key,
    payment_id      text        not null references payment (payment_id),
    event           text        not null check (event in ('CREATED', 'STATUS_REPORTED')),
    from_status     text,
    to_status       text        not null,
    reported_status text,
    moved           boolean     not null,
    flags           text[]      not null default '{}',
    amount_minor    bigint      check (amount_minor >= 0),
    currency        char(3),
    cause_type      text        not null check (cause_type in ('CALLBACK', 'API', 'OPERATOR')),
    cause_id        text        not null,
    actor           text        not null,
    recorded_at     timestamptz not null
);

create index payment_status_history_payment on payment_status_history (payment_id, seq);

create trigger payment_status_history_append_only before update or delete
    on payment_status_history for each row execute function reject_modification();
create trigger payment_status_history_no_truncate before truncate
    on payment_status_history for each statement execute function reject_modification();

-- Every verified callback exactly once per provider event id, as received.
create table callback_inbox (
    callback_id         uuid        primary key,
    provider            text        not null check (length(provider) between 1 and 32),
    provider_event_id   text        not null check (length(provider_event_id) between 1 and 255),
    source              text        not null check (source in ('WEBHOOK', 'STATUS_QUERY')),
    event_type          text        not null,
    payment_id          text        not null,
    merchant_id         text        not null,
    provider_payment_id text,
    reported_status     text        not null,
    amount_minor        bigint      not null check (amount_minor >= 0),
    currency            char(3)     not null,
    occurred_at         timestamptz not null,
    received_at         timestamptz not null,
    raw_body            bytea       not null,
    headers             jsonb       not null,
    trace_id            text        not null default '',
    constraint callback_inbox_provider_event unique (provider, provider_event_id)
);

create index callback_inbox_payment on callback_inbox (payment_id, received_at);

create trigger callback_inbox_append_only before update or delete
    on callback_inbox for each row execute function reject_modification();
create trigger callback_inbox_no_truncate before truncate
    on callback_inbox for each statement execute function reject_modification();
