-- Payments API: callers (API keys), idempotent creation, refunds, and the audit trail.

-- API keys are stored as the SHA-256 of the whole token: the token holds 256 random bits, so a
-- fast hash is safe (nothing to brute-force) and the plaintext never reaches the database.
create table api_key (
    key_id          text        primary key check (key_id ~ '^[A-Za-z0-9]{8,32}$'),
    secret_sha256   bytea       not null check (length(secret_sha256) = 32),
    role            text        not null check (role in ('MERCHANT', 'OPERATOR')),
    merchant_id     text        check (length(merchant_id) between 1 and 64),
    operator_name   text        check (length(operator_name) between 1 and 64),
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    constraint api_key_principal check (
        (role = 'MERCHANT' and merchant_id is not null and operator_name is null)
        or (role = 'OPERATOR' and operator_name is not null and merchant_id is null))
);

create function api_key_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'API keys are revoked, never deleted (%)', old.key_id using errcode = 'P0001';
    end if;
    if new.key_id is distinct from old.key_id or new.secret_sha256 is distinct from old.secret_sha256
       or new.role is distinct from old.role or new.merchant_id is distinct from old.merchant_id
       or new.operator_name is distinct from old.operator_name
       or new.created_at is distinct from old.created_at
       or (old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at) then
        raise exception 'API key % can only be revoked', old.key_id using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger api_key_guard before update or delete on api_key
    for each row execute function api_key_guard();

alter table payment
    add column reference    text check (length(reference) between 1 and 128),
    add column redirect_url text check (length(redirect_url) between 1 and 2048),
    add column created_by   text;

-- Who may see a payment is decided by merchant_id; listing is by merchant and creation time.
create index payment_status_created on payment (status, created_at, payment_id);

-- One row per (merchant, Idempotency-Key): the first request's fingerprint and, once done, its
-- answer, replayed to every retry. IN_PROGRESS rows carry a lease so that a request that died
-- between its two transactions can be resumed by a retry instead of blocking the key forever.
create table idempotency_record (
    merchant_id      text        not null,
    idempotency_key  text        not null check (length(idempotency_key) between 1 and 255),
    request_sha256   bytea       not null check (length(request_sha256) = 32),
    -- Checked at commit: the key is claimed first (that is what serializes duplicates), then the
    -- payment is created in the same transaction.
    payment_id       text        not null references payment (payment_id)
                                 deferrable initially deferred,
    state            text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    response_status  integer,
    response_body    text,
    lease_until      timestamptz,
    created_at       timestamptz not null,
    completed_at     timestamptz,
    primary key (merchant_id, idempotency_key),
    check (state = 'IN_PROGRESS' or (response_status is not null and response_body is not null))
);

create function idempotency_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'idempotency records are kept' using errcode = 'P0001';
    end if;
    if old.state = 'COMPLETED' or new.request_sha256 is distinct from old.request_sha256
       or new.payment_id is distinct from old.payment_id then
        raise exception 'idempotency record %/% is settled', old.merchant_id, old.idempotency_key
            using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger idempotency_guard before update or delete on idempotency_record
    for each row execute function idempotency_guard();

-- Refunds: each one is a row, never changed in amount; the sum of the live ones never exceeds
-- the captured amount (checked under the payment's row lock).
create table refund (
    refund_id        text        primary key check (length(refund_id) between 1 and 64),
    payment_id       text        not null references payment (payment_id),
    amount_minor     bigint      not null check (amount_minor > 0),
    currency         char(3)     not null,
    status           text        not null check (status in ('REQUESTED', 'SUBMITTED', 'FAILED')),
    reason           text        not null default '',
    requested_by     text        not null,
    provider_refund_id text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index refund_payment on refund (payment_id);
create index refund_requested on refund (updated_at) where status = 'REQUESTED';

create function refund_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'refunds are never deleted (%)', old.refund_id using errcode = 'P0001';
    end if;
    if new.refund_id is distinct from old.refund_id or new.payment_id is distinct from old.payment_id
       or new.amount_minor is distinct from old.amount_minor or new.currency is distinct from old.currency
       or new.requested_by is distinct from old.requested_by or new.created_at is distinct from old.created_at
       or old.status <> 'REQUESTED' then
        raise exception 'refund % is settled or immutable', old.refund_id using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger refund_guard before update or delete on refund
    for each row execute function refund_guard();

-- Who changed what, when, and what it looked like before and after. Kept forever.
create table audit_record (
    seq          bigint      generated always as identity primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    before_state jsonb,
    after_state  jsonb,
    reason       text        not null default '',
    trace_id     text        not null default ''
);

create index audit_record_subject on audit_record (subject_type, subject_id, seq);

create trigger audit_record_append_only before update or delete
    on audit_record for each row execute function reject_modification();
create trigger audit_record_no_truncate before truncate
    on audit_record for each statement execute function reject_modification();

-- Changes made through the API are history too, with the caller as actor.
alter table payment_status_history drop constraint payment_status_history_event_check;
alter table payment_status_history add constraint payment_status_history_event_check
    check (event in ('CREATED', 'STATUS_REPORTED', 'CANCELLED', 'REFUNDED', 'AMENDED',
                     'SUPPLEMENTED', 'PROVIDER_REFUSED'));

-- OPERATOR: a payment an operator recorded from evidence (a statement line) that we never saw.
alter table payment drop constraint payment_origin_check;
alter table payment add constraint payment_origin_check
    check (origin in ('API', 'CALLBACK', 'OPERATOR'));
