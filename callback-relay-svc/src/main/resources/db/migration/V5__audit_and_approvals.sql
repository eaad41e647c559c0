-- The audit trail (issue 14): one row per act through the operator API, accepted or refused, with
-- the fields of the platform's AuditRecord. relay.operator_audit stays what it was, the detail of
-- each redrive (the messages it touched, its filter); this table is the trail every service keeps.
create table audit_record (
    seq          bigint      generated always as identity primary key,
    audit_id     uuid        not null unique,
    service      text        not null,
    occurred_at  timestamptz not null,
    actor        text        not null,
    role         text        not null,
    credential   text        not null,
    action       text        not null,
    target       text        not null,
    outcome      text        not null check (outcome in
                     ('ACCEPTED', 'REFUSED', 'REQUESTED', 'APPROVED', 'REJECTED', 'EXPIRED')),
    reason       text        not null,
    request_id   text        not null,
    trace_id     text        not null
);
create index audit_record_occurred on audit_record (occurred_at, seq);
create index audit_record_actor on audit_record (actor, seq);
create index audit_record_target on audit_record (target, seq);

create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function forbid_change();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function forbid_change();

-- The relay's own outbox for audit.events.v1 (the outbox in public is the gateway's): written with
-- the audit record, drained by the platform's publisher. The message is immutable; only
-- published_at and attempts move.
create table audit_outbox (
    seq          bigint      generated always as identity primary key,
    message_id   uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    payload      bytea       not null,
    trace_id     text        not null default '',
    created_at   timestamptz not null default now(),
    attempts     integer     not null default 0,
    published_at timestamptz
);
create index audit_outbox_pending on audit_outbox (seq) where published_at is null;

create function audit_outbox_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.seq is distinct from old.seq
       or new.message_id is distinct from old.message_id or new.topic is distinct from old.topic
       or new.message_key is distinct from old.message_key or new.payload is distinct from old.payload
       or new.trace_id is distinct from old.trace_id or new.created_at is distinct from old.created_at then
        raise exception 'audit_outbox message % is immutable; only delivery state may change',
            old.message_id using errcode = 'P0001';
    end if;
    return new;
end $$;
create trigger audit_outbox_guard before update or delete on audit_outbox
    for each row execute function audit_outbox_guard();
create trigger audit_outbox_no_truncate before truncate on audit_outbox
    for each statement execute function forbid_change();

-- Four eyes on bulk redrive: the request and its one decision, both append-only.
create table approval_request (
    approval_id  uuid        primary key,
    action       text        not null check (length(action) between 1 and 100),
    target       text        not null check (length(target) between 1 and 200),
    payload      text        not null,
    amount_minor bigint      not null,
    currency     text        not null,
    reason       text        not null,
    requested_by text        not null check (length(requested_by) between 1 and 200),
    requested_at timestamptz not null,
    expires_at   timestamptz not null check (expires_at > requested_at)
);
create index approval_request_requested on approval_request (requested_at);

create table approval_decision (
    approval_id  uuid        primary key references approval_request (approval_id),
    verdict      text        not null check (verdict in ('APPROVED', 'REJECTED', 'EXPIRED')),
    decided_by   text        not null,
    decided_at   timestamptz not null,
    reason       text        not null
);

create trigger approval_request_append_only before update or delete on approval_request
    for each row execute function forbid_change();
create trigger approval_request_no_truncate before truncate on approval_request
    for each statement execute function forbid_change();
create trigger approval_decision_append_only before update or delete on approval_decision
    for each row execute function forbid_change();
create trigger approval_decision_no_truncate before truncate on approval_decision
    for each statement execute function forbid_change();

-- A redrive carried out after a second operator approved it names that operator.
alter table operator_audit add column approved_by text;
