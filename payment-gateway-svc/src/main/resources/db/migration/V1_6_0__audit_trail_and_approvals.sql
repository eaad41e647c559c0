-- Issue 14: the audit trail in the suite's shape (platform's AuditRecord: who, role, credential,
-- action, target, outcome, reason, request id, trace id), and four eyes (approval requests and
-- their one decision). All three tables are append-only, enforced like the other history tables.

-- The existing records stay as they are (the triggers forbid rewriting them): ALTER TABLE neither
-- fires row triggers nor edits values; the old rows get the defaults below, which say what they
-- were (accepted changes, recorded by this service, without request id or credential).
alter table audit_record rename column subject_id to target;
alter table audit_record alter column subject_type drop not null;
alter table audit_record
    add column audit_id   uuid        not null default gen_random_uuid(),
    add column service    text        not null default 'payment-gateway-svc',
    add column role       text        not null default '',
    add column credential text        not null default '',
    add column outcome    text        not null default 'ACCEPTED'
               check (outcome in ('ACCEPTED', 'REFUSED', 'REQUESTED', 'APPROVED', 'REJECTED',
                                  'EXPIRED')),
    add column request_id text        not null default '';
alter table audit_record add constraint audit_record_audit_id unique (audit_id);

-- GET /v1/audit pages newest first by (occurred_at, seq); the filters narrow by actor or target.
drop index audit_record_subject;
create index audit_record_time on audit_record (occurred_at desc, seq desc);
create index audit_record_target on audit_record (target, occurred_at desc, seq desc);
create index audit_record_actor on audit_record (actor, occurred_at desc, seq desc);

-- A change waiting for a second operator. The id is derived from the request (action, target,
-- Idempotency-Key), so a retried request finds its request instead of making a second one.
create table approval_request (
    request_id    uuid        primary key,
    action        text        not null check (length(action) between 1 and 64),
    target        text        not null check (length(target) between 1 and 128),
    payload       jsonb       not null,
    amount_minor  bigint      not null default 0,
    currency      text        not null default '',
    reason        text        not null default '',
    requested_by  text        not null,
    requested_at  timestamptz not null,
    expires_at    timestamptz not null,
    check (expires_at > requested_at)
);

create index approval_request_time on approval_request (requested_at desc, request_id);

-- How a request ended; at most one decision per request (the unique key is what makes a racing
-- second approve lose, so an action is never carried out twice).
create table approval_decision (
    request_id  uuid        primary key references approval_request (request_id),
    verdict     text        not null check (verdict in ('APPROVED', 'REJECTED', 'EXPIRED')),
    decided_by  text        not null,
    decided_at  timestamptz not null,
    reason      text        not null default ''
);

create trigger approval_request_append_only before update or delete
    on approval_request for each row execute function reject_modification();
create trigger approval_request_no_truncate before truncate
    on approval_request for each statement execute function reject_modification();
create trigger approval_decision_append_only before update or delete
    on approval_decision for each row execute function reject_modification();
create trigger approval_decision_no_truncate before truncate
    on approval_decision for each statement execute function reject_modification();
