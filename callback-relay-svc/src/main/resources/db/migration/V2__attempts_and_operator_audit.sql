-- Every publication and dead-lettering of an outbox message, written in the publisher's batch
-- transaction, so the operator API can show a message's whole delivery history. The outbox row only
-- keeps the latest state; a redrive resets its attempt counter, this table keeps what happened.
create table delivery_attempt (
    id         bigint      generated always as identity primary key,
    message_id uuid        not null,
    attempt    integer     not null check (attempt >= 1),
    outcome    text        not null check (outcome in ('PUBLISHED', 'DEAD_LETTERED')),
    at         timestamptz not null default now()
);
create index delivery_attempt_message on delivery_attempt (message_id);

create trigger delivery_attempt_append_only before update or delete on delivery_attempt
    for each row execute function forbid_change();
create trigger delivery_attempt_no_truncate before truncate on delivery_attempt
    for each statement execute function forbid_change();

-- Who did what through the operator API: one row per action, with the messages it touched and the
-- filter it was given. Evidence for auditors, so append-only like the confirmations.
create table operator_audit (
    id          bigint      generated always as identity primary key,
    at          timestamptz not null default now(),
    operator    text        not null check (length(operator) between 1 and 200),
    action      text        not null check (action in ('REDRIVE')),
    reason      text        not null check (length(reason) between 1 and 1000),
    filter      jsonb,
    message_ids uuid[]      not null,
    affected    integer     not null check (affected >= 0)
);
create index operator_audit_messages on operator_audit using gin (message_ids);

create trigger operator_audit_append_only before update or delete on operator_audit
    for each row execute function forbid_change();
create trigger operator_audit_no_truncate before truncate on operator_audit
    for each statement execute function forbid_change();
