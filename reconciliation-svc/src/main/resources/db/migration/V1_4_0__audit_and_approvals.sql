-- The audit trail (issue 14): one row per act, accepted or refused, with the fields of the
-- platform's AuditRecord. Append-only like the rest of reconciliation's evidence; seq orders the
-- newest-first query and its cursor.
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
    for each row execute function recon_forbid_change();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function recon_forbid_change();

-- Four eyes: a change one operator asked for, and the one decision on it (approved, rejected or
-- expired). The primary key of the decision makes a second decision impossible.
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
    for each row execute function recon_forbid_change();
create trigger approval_request_no_truncate before truncate on approval_request
    for each statement execute function recon_forbid_change();
create trigger approval_decision_append_only before update or delete on approval_decision
    for each row execute function recon_forbid_change();
create trigger approval_decision_no_truncate before truncate on approval_decision
    for each statement execute function recon_forbid_change();

-- A manual resolution now names who approved it (null for rows from before four eyes, and when
-- the policy lets an operator resolve alone) and the approval it came from.
alter table break_resolution add column approved_by text;
alter table break_resolution add column approval_id uuid;
