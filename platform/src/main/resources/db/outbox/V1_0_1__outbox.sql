-- Transactional outbox: a service writes the exact Kafka record (topic, key, serialized value) in
-- the same transaction as the business change; a publisher ships it after commit. The message
-- itself is immutable; only the delivery columns move (PENDING -> PUBLISHED -> CONFIRMED | DEAD).
create table outbox (
    seq             bigint generated always as identity primary key,
    message_id      uuid        not null unique,
    topic           text        not null check (length(topic) between 1 and 249),
    message_key     text        not null,
    payload         bytea       not null,
    trace_id        text        not null default '',
    created_at      timestamptz not null default now(),
    status          text        not null default 'PENDING'
                    check (status in ('PENDING', 'PUBLISHED', 'CONFIRMED', 'DEAD')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    published_at    timestamptz,
    confirmed_at    timestamptz,
    last_error      text
);

-- Publishers and backlog gauges scan only what is still moving: once a row is confirmed, dead, or
-- published for good (next attempt 'infinity'), it drops out of this index, so the table can keep
-- years of history without slowing the publisher down.
create index outbox_due on outbox (seq)
    where status = 'PENDING' or (status = 'PUBLISHED' and next_attempt_at <> 'infinity');
create index outbox_dead on outbox (seq) where status = 'DEAD';

create function outbox_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'outbox rows are never deleted (seq %)', old.seq using errcode = 'P0001';
    end if;
    if new.seq is distinct from old.seq or new.message_id is distinct from old.message_id
       or new.topic is distinct from old.topic or new.message_key is distinct from old.message_key
       or new.payload is distinct from old.payload or new.trace_id is distinct from old.trace_id
       or new.created_at is distinct from old.created_at then
        raise exception 'outbox message % is immutable; only delivery state may change', old.message_id
            using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger outbox_guard before update or delete on outbox
    for each row execute function outbox_guard();

create function outbox_forbid_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'outbox is never truncated' using errcode = 'P0001';
end $$;

create trigger outbox_no_truncate before truncate on outbox
    for each statement execute function outbox_forbid_truncate();

-- One notification per inserting statement, delivered at commit: publishers wake without polling.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end $$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();
