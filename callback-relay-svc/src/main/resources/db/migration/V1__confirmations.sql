-- The relay's own tables live in schema "relay" of the gateway's database: the outbox it drains is
-- the gateway's, and claiming rows and recording their confirmation must share one transaction.

-- What the ledger said about each relayed message: applied (with its outcome) or refused for good.
-- Append-only: the history of confirmations is evidence, never edited.
create table confirmation (
    message_id     uuid        not null,
    ledger_event_id uuid       not null unique,
    verdict        text        not null check (verdict in ('APPLIED', 'REJECTED')),
    detail         text        not null,
    received_at    timestamptz not null default now(),
    primary key (message_id, ledger_event_id)
);

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create trigger confirmation_append_only before update or delete on confirmation
    for each row execute function forbid_change();
create trigger confirmation_no_truncate before truncate on confirmation
    for each statement execute function forbid_change();
