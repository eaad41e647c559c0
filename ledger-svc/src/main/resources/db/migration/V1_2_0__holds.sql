-- Holds: an amount of an account's available balance reserved (frozen) until it is captured (paid
-- out to the counter account by a SETTLEMENT entry) or released. Both tables are append-only: a
-- hold is open while it has no settlement, and the primary key lets it settle once.
create table hold (
    id              uuid        primary key,
    account_id      uuid        not null references account (id),
    counter_account text        not null,
    amount_minor    bigint      not null check (amount_minor > 0),
    currency        text        not null,
    reason          text        not null,
    requested_by    text        not null,
    created_at      timestamptz not null
);

create index hold_by_account on hold (account_id);

create table hold_settlement (
    hold_id    uuid        primary key references hold (id),
    outcome    text        not null check (outcome in ('CAPTURED', 'RELEASED')),
    entry_id   uuid        references journal_entry (id),
    settled_at timestamptz not null,
    constraint hold_settlement_entry_iff_captured check ((outcome = 'CAPTURED') = (entry_id is not null))
);

create trigger hold_append_only before update or delete or truncate on hold
    for each statement execute function ledger_refuse_rewrite();
create trigger hold_settlement_append_only before update or delete or truncate on hold_settlement
    for each statement execute function ledger_refuse_rewrite();
