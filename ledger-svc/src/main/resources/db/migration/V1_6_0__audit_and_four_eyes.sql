-- Audit trail and four eyes (ledger-svc README, "Audit trail" and "Four eyes").
--
-- 1. audit_record: every state-changing call, accepted or refused, and every four-eyes request and
--    decision, append-only like the journal. An accepted act is inserted in the transaction of the
--    change it records, with the outbox row that publishes it on audit.events.v1; a refusal in a
--    transaction of its own. Read newest first, by time, actor, action or target.
-- 2. approval_request / approval_decision: a change waiting for a second operator, and how it
--    ended. One decision per request (the primary key): of two approvals racing, one inserts the
--    decision and carries the change out, the other finds it decided. Both append-only: a pending
--    request is one without a decision row.
-- 3. journal_entry.approved_by: the second operator who approved the entry's change (four eyes),
--    written at INSERT only (journal_entry stays append-only) and part of the entry's hashed
--    content (EntryContent version 2) when present.

-- 1 -----------------------------------------------------------------------------------------------
create table audit_record (
    audit_id    uuid        primary key,
    service     text        not null,
    occurred_at timestamptz not null,
    actor       text        not null,
    role        text        not null,
    credential  text        not null,
    action      text        not null,
    target      text        not null,
    outcome     text        not null
                check (outcome in ('ACCEPTED', 'REFUSED', 'REQUESTED', 'APPROVED', 'REJECTED',
                                   'EXPIRED')),
    reason      text        not null,
    request_id  text        not null,
    trace_id    text        not null
);

create index audit_record_newest on audit_record (occurred_at desc, audit_id desc);
create index audit_record_by_actor on audit_record (actor, occurred_at desc, audit_id desc);
create index audit_record_by_target on audit_record (target, occurred_at desc, audit_id desc);
create index audit_record_by_action on audit_record (action, occurred_at desc, audit_id desc);

create trigger audit_record_append_only before update or delete or truncate on audit_record
    for each statement execute function ledger_refuse_rewrite();

-- 2 -----------------------------------------------------------------------------------------------
create table approval_request (
    request_id   uuid        primary key,
    action       text        not null,
    target       text        not null,
    payload      text        not null,
    amount_minor bigint      not null,
    currency     text        not null,
    reason       text        not null,
    requested_by text        not null,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    constraint approval_request_expires_later check (expires_at > requested_at)
);

create index approval_request_newest on approval_request (requested_at desc, request_id desc);

create table approval_decision (
    request_id uuid        primary key references approval_request (request_id),
    verdict    text        not null check (verdict in ('APPROVED', 'REJECTED', 'EXPIRED')),
    decided_by text        not null,
    decided_at timestamptz not null,
    reason     text        not null
);

create trigger approval_request_append_only before update or delete or truncate on approval_request
    for each statement execute function ledger_refuse_rewrite();
create trigger approval_decision_append_only before update or delete or truncate
    on approval_decision for each statement execute function ledger_refuse_rewrite();

-- 3 -----------------------------------------------------------------------------------------------
alter table journal_entry add column approved_by text;
